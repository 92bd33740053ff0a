package dev.migsafe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.migsafe.BadInputException;
import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.config.ProjectConfig;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.report.Report;
import dev.migsafe.report.ReportBuilder;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;
import dev.migsafe.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migsafe analyze [PATH]}: the pull-request check. Each migration is checked against the
 * schema the migrations before it build, as if it were deployed on its own.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Check migrations: a directory (every migration) or files (those, with the history before them).",
                "Exit 0 when nothing reaches --fail-on, 1 otherwise, 2 on bad input."})
class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PATH",
            description = "A migration directory or one migration file (default: the project's migrations).")
    Path path;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "error (default), warning or never: the lowest severity that makes the exit code 1.")
    String failOn;

    @Option(names = "--base", paramLabel = "REF",
            description = {"Pull-request mode: check only the migrations the working tree has and REF (a git tag, branch "
                    + "or commit, or a release under releases:) does not, plus changes to REF's migrations (HS401);",
                    "the schema still comes from the whole history."})
    String base;

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
        threshold();
        if (path != null && projectOptions.project == null && projectOptions.config == null
                && Files.isRegularFile(path.resolve(ProjectConfig.FILE_NAME))) {
            // PATH is a project (analyze . in it): its migsafe.yaml says where the migrations are
            projectOptions.project = path;
            path = null;
        }
        Workspace ws = Workspace.open(projectOptions, path);
        List<Migration> all;
        List<Migration> unchecked = new ArrayList<>();
        if (path == null) {
            all = ws.allMigrations();
        } else if (Files.isRegularFile(path)) {
            all = ws.directory(path.toAbsolutePath().getParent());
            String file = ws.display(path);
            all.stream().filter(m -> !m.up().path().equals(file) && (m.down() == null || !m.down().path().equals(file)))
                    .forEach(unchecked::add);
            if (unchecked.size() == all.size()) {
                throw new BadInputException(file + ": not a migration of " + ws.display(path.toAbsolutePath().getParent())
                        + " (check its name follows the directory's format)");
            }
        } else {
            all = ws.directory(path);
        }
        Dialect dialect = ws.dialect(projectOptions.dialect, all);
        // with --base the range is what REF lacks, deployed at once on REF's schema
        AnalysisRequest request = base != null
                ? new AnalysisRequest(dialect, ws.release(base), all, AnalysisRequest.Window.RANGE, ws.severityOverrides(),
                        ws.serverVersion(dialect), ws.flyway())
                : new AnalysisRequest(dialect, unchecked, all, AnalysisRequest.Window.PER_MIGRATION, ws.severityOverrides(),
                        ws.serverVersion(dialect), ws.flyway());
        return finish(ws, dialect, ws.analyzer().run(request));
    }

    /** What to do with the analysis: report it and say whether it fails ({@code baseline} records it instead). */
    int finish(Workspace ws, Dialect dialect, AnalysisResult analyzed) {
        Severity threshold = threshold();
        BaselineOptions.Applied applied = baselineOptions.apply(ws, analyzed);
        AnalysisResult result = applied.result();
        // a pull-request check: the verdict and the exit code both follow --fail-on
        Verdict verdict = failing(result.findings(), threshold) ? Verdict.NO_GO : Verdict.GO;
        List<String> notes = new ArrayList<>(ws.notes());
        notes.addAll(applied.notes());
        Report report = ReportBuilder.build("analyze", null, base, dialect.id(), result, verdict, null, null, notes,
                f -> reaches(f, threshold)).withBaseline(applied.baseline());
        Console.deliver(spec, report, reportOptions, ws.pathPrefix());
        return verdict == Verdict.GO ? ExitCode.GO : ExitCode.NO_GO;
    }

    private Severity threshold() {
        return switch (failOn.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "never" -> null;
            default -> throw new BadInputException("--fail-on " + failOn + ": use error, warning or never");
        };
    }

    private static boolean failing(List<Finding> findings, Severity threshold) {
        return findings.stream().filter(Finding::isActive).anyMatch(f -> reaches(f, threshold));
    }

    private static boolean reaches(Finding f, Severity threshold) {
        return threshold != null && f.severity().ordinal() <= threshold.ordinal();
    }
}
