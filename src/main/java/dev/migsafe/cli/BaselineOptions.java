package dev.migsafe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.baseline.Baseline;
import dev.migsafe.source.ProjectPaths;
import picocli.CommandLine.Option;

/**
 * {@code --baseline FILE} and {@code --no-baseline}: which accepted findings a run checks against.
 * Without either, {@code migsafe-baseline.json} in the project root is used when it exists.
 */
final class BaselineOptions {

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline of accepted findings (default: migsafe-baseline.json in the project root, when present). "
                    + "Findings recorded there are reported as baselined and do not fail the run.")
    Path file;

    @Option(names = "--no-baseline", description = "Ignore the baseline: every finding counts.")
    boolean ignore;

    /** The baseline file to read or write. */
    Path file(Workspace ws) {
        return file != null ? file : ws.root().resolve(Baseline.FILE_NAME);
    }

    /**
     * The analysis with the baselined findings marked, and what the report should say about it.
     */
    Applied apply(Workspace ws, AnalysisResult result) {
        Path path = file(ws);
        if (ignore || file == null && !Files.isRegularFile(path)) {
            return new Applied(result, null, List.of());
        }
        if (file == null) {
            new ProjectPaths(ws.root()).requireInside(path); // the project's own file: a link out is not read
        }
        String shown = ws.display(path);
        Baseline.Match match = Baseline.read(path, shown).apply(result.findings());
        List<String> notes = new ArrayList<>();
        if (match.matched() > 0) {
            notes.add(match.matched() + " finding(s) recorded in " + shown
                    + " are reported as baselined and do not count; --no-baseline counts them");
        }
        if (match.unmatched() > 0) {
            notes.add(match.unmatched() + " entr" + (match.unmatched() == 1 ? "y" : "ies") + " of " + shown
                    + " no longer match a finding (fixed or edited); run 'migsafe baseline' to drop them");
        }
        AnalysisResult marked = new AnalysisResult(result.range(), result.statuses(), match.findings(),
                result.statements(), result.unparsed(), result.olderSchema(), result.newerSchema());
        return new Applied(marked, shown, notes);
    }

    /**
     * @param baseline the baseline file as shown to users, or null when none was used
     * @param notes    for the report
     */
    record Applied(AnalysisResult result, String baseline, List<String> notes) {
    }
}
