package dev.migsafe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.migsafe.BadInputException;
import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.report.Report;
import dev.migsafe.report.ReportBuilder;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.Dialect;
import dev.migsafe.verdict.StrategyAdvisor;
import dev.migsafe.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migsafe can-rollback FROM TO}: can the application go back from FROM to TO and keep the schema? */
@Command(name = "can-rollback", mixinStandardHelpOptions = true,
        description = {"Can the application be rolled back from FROM (deployed) to TO (older) while keeping the",
                "database as FROM left it? Exit 0 GO, 1 NO_GO, 2 bad input."})
final class CanRollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FROM", description = "The release that is (or will be) deployed, e.g. v1.3.0.")
    String from;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TO", description = "The release to go back to, e.g. v1.2.9.")
    String to;

    @Option(names = "--from-dir", paramLabel = "DIR", description = "Migrations of FROM, as a directory.")
    Path fromDir;

    @Option(names = "--to-dir", paramLabel = "DIR", description = "Migrations of TO, as a directory.")
    Path toDir;

    @Mixin
    ProjectOptions projectOptions;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    BaselineOptions baselineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        reportOptions.formats(); // reject a bad --format before doing any work
        Workspace ws = Workspace.open(projectOptions);
        Releases releases = select(ws);
        Dialect dialect = ws.dialect(projectOptions.dialect, releases.newer);
        AnalysisResult analysed = ws.analyzer().run(new AnalysisRequest(dialect, releases.older, releases.newer,
                AnalysisRequest.Window.RANGE, ws.severityOverrides(), ws.serverVersion(dialect)));
        BaselineOptions.Applied applied = baselineOptions.apply(ws, analysed);
        AnalysisResult result = applied.result();
        Verdict verdict = Verdict.decide(result.findings(), false);
        List<String> notes = new ArrayList<>(ws.notes());
        notes.addAll(applied.notes());
        Report report = ReportBuilder.build("can-rollback", releases.fromLabel, releases.toLabel, dialect.id(), result,
                verdict, null, StrategyAdvisor.strategies(result, verdict, releases.toLabel), notes)
                .withBaseline(applied.baseline());
        Console.deliver(spec, report, reportOptions, ws.pathPrefix());
        return verdict == Verdict.GO ? ExitCode.GO : ExitCode.NO_GO;
    }

    private Releases select(Workspace ws) {
        if (fromDir != null || toDir != null) {
            if (fromDir == null || toDir == null) {
                throw new BadInputException("--from-dir and --to-dir go together: give both directories");
            }
            List<Migration> newer = ws.directory(fromDir);
            List<Migration> older = ws.directory(toDir);
            return checked(new Releases(from != null ? from : fromDir.toString(), to != null ? to : toDir.toString(),
                    newer, older));
        }
        if (from == null || to == null) {
            throw new BadInputException("can-rollback needs FROM and TO releases (e.g. can-rollback v1.3.0 v1.2.9), "
                    + "or --from-dir DIR --to-dir DIR");
        }
        return checked(new Releases(from, to, ws.release(from), ws.release(to)));
    }

    /** An empty range is a mistake (same release twice, or FROM and TO swapped), not a silent GO. */
    private static Releases checked(Releases r) {
        Set<String> olderIds = r.older.stream().map(Migration::id).collect(Collectors.toSet());
        boolean anyNew = r.newer.stream().anyMatch(m -> !olderIds.contains(m.id()));
        if (!anyNew) {
            Set<String> newerIds = r.newer.stream().map(Migration::id).collect(Collectors.toSet());
            boolean swapped = r.older.stream().anyMatch(m -> !newerIds.contains(m.id()));
            throw new BadInputException("no migration of " + r.fromLabel + " is missing from " + r.toLabel
                    + ": the range is empty" + (swapped
                    ? "; FROM is the deployed (newer) release: try can-rollback " + r.toLabel + " " + r.fromLabel
                    : "; give two different releases"));
        }
        return r;
    }

    private record Releases(String fromLabel, String toLabel, List<Migration> newer, List<Migration> older) {
    }
}
