package dev.migsafe.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.baseline.Baseline;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;
import picocli.CommandLine.Command;

/**
 * {@code migsafe baseline [analyze options]}: runs the same analysis as {@code analyze} and records
 * today's findings (not the suppressed ones) in {@code migsafe-baseline.json}, so that later runs fail
 * only on new findings. Re-running it replaces the file: entries of fixed findings disappear.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Record today's findings in migsafe-baseline.json (project root, or --baseline",
                "FILE), so that later analyze runs report them as baselined and",
                "fail only on new findings. Takes the options of analyze (its report options are",
                "not used). Exit 0, or 2 on bad input."})
final class BaselineCommand extends AnalyzeCommand {

    @Override
    int finish(Workspace ws, Dialect dialect, AnalysisResult result) {
        Path file = baselineOptions.file(ws);
        Baseline baseline = Baseline.of(result.findings());
        baseline.write(file);
        PrintWriter out = spec.commandLine().getOut();
        long errors = count(result, Severity.ERROR);
        long warnings = count(result, Severity.WARNING);
        out.println("migsafe: recorded " + baseline.findings().size() + " finding(s) (" + errors + " error(s), "
                + warnings + " warning(s)) in " + ws.display(file)
                + "; commit it: later runs fail only on findings that are not in it");
        out.flush();
        return ExitCode.GO;
    }

    private static long count(AnalysisResult result, Severity s) {
        return result.findings().stream().filter(f -> !f.suppressed() && f.severity() == s).map(Finding::ruleId).count();
    }
}
