package dev.migsafe.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.plan.IncidentSeverity;
import dev.migsafe.source.Migration;
import dev.migsafe.plan.Plan;
import dev.migsafe.plan.Planner;
import dev.migsafe.plan.RollbackFloor;
import dev.migsafe.plan.RunbookFormat;
import dev.migsafe.plan.RunbookHtml;
import dev.migsafe.plan.RunbookMarkdown;
import dev.migsafe.plan.history.HistoryReader;
import dev.migsafe.plan.history.ReadOnlySession;
import dev.migsafe.plan.history.SchemaHistory;
import dev.migsafe.AtomicFiles;
import dev.migsafe.report.JsonReportWriter;
import dev.migsafe.report.OutputFormat;
import dev.migsafe.report.ReportBuilder;
import dev.migsafe.secret.MaskedUrl;
import dev.migsafe.verdict.Verdict;
import dev.migsafe.verify.TableStats;
import dev.migsafe.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migsafe plan FROM TO}: the rollback, backup and restore runbook. It reads the database's
 * migration history when given one (read-only), and prints commands; it never runs them.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Rollback / backup / point-in-time-restore runbook for going back from FROM to TO.",
                "Prints commands, never runs them. Exit 0 when an app-only rollback is safe, 1 otherwise, 2 bad input."})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    ReleasePair releases;

    @Mixin
    ProjectOptions projectOptions;

    @Mixin
    AppOptions appOptions;

    @Option(names = "--history-url", paramLabel = "JDBC_URL",
            description = "Database whose migration history gives the restore target; read over a read-only session.")
    String historyUrl;

    @Option(names = "--table-stats", paramLabel = "FILE",
            description = "With --verify: row counts of the production tables (JSON or CSV, as for can-rollback); "
                    + "with --history-url they are read from that database's catalog when no file is given.")
    Path tableStats;

    @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "high",
            description = "Incident severity weighing time against data: low, high (default) or critical.")
    String severity;

    @Option(names = "--verify", paramLabel = "MODE", defaultValue = "none",
            description = {"Rehearse on a real database before writing the plan: none (default), auto, testcontainers,"
                    + " embedded or a JDBC URL, as for can-rollback. The strategies then say what the rehearsal of the"
                    + " downs and the older release's checks proved."})
    String verify;

    @Option(names = "--old-tests", paramLabel = "CMD", description = "With --verify: the older release's own tests,"
            + " as for can-rollback.")
    String oldTests;

    @Option(names = "--verify-timeout", paramLabel = "DURATION", converter = VerifyOptions.DurationConverter.class,
            description = "With --verify: deadline of the whole verification (default: 15m), as for can-rollback.")
    java.time.Duration verifyTimeout;

    @Option(names = "--before-deploy", description = "Add what to do before shipping FROM: restore point, backups, rollback floor.")
    boolean beforeDeploy;

    @Option(names = "--format", paramLabel = "F", split = ",",
            description = "text (default), markdown, html, json. Repeatable.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "Write every format into DIR instead of printing the first one.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<RunbookFormat> chosen = OutputFormat.parse(formats, RunbookFormat.values(), RunbookFormat.TEXT);
        IncidentSeverity level = IncidentSeverity.parse(severity);
        Workspace ws = Workspace.open(projectOptions);
        ReleasePair.Releases selected = releases.select(ws, "plan");
        Dialect dialect = ws.dialect(projectOptions.dialect, selected.newer());
        AnalysisResult result = AppOptions.judged(ws.analyzeRange(dialect, selected.older(), selected.newer()),
                appOptions.read(ws, selected, releases.to, dialect));
        Verification verification = VerificationStage.run(ws, verifyOptions(dialect), selected, result, dialect,
                spec.commandLine().getErr());
        Verdict verdict = Verdict.decide(result.findings(), verification != null && verification.failed());
        SchemaHistory history = null;
        String clientTarget = null;
        if (historyUrl != null) {
            MaskedUrl url = new MaskedUrl(historyUrl);
            spec.commandLine().getErr().println("migsafe: reading the migration history over a read-only session: " + url);
            history = HistoryReader.read(historyUrl, Migration.toolOf(selected.newer()), ws.flyway());
            clientTarget = url.clientTarget();
        }
        RollbackFloor floor = beforeDeploy ? floor(ws, dialect, selected) : null;
        Plan plan = new Planner(Workspace.parser()).plan(new Planner.Request(selected.fromLabel(), selected.toLabel(),
                dialect, result, verdict, ws.config().deploy(), level, beforeDeploy, history, clientTarget, floor,
                ws.serverVersion(dialect), Instant.now(),
                verification, ws.flyway()));
        deliver(plan, chosen, result, ws);
        return verdict == Verdict.GO ? ExitCode.GO : ExitCode.NO_GO;
    }

    /** The --verify, --old-tests and --verify-timeout of this command, whose --verify defaults to none (a plan is a document). */
    private VerifyOptions verifyOptions(Dialect dialect) {
        VerifyOptions options = new VerifyOptions();
        options.mode = verify;
        options.oldTests = oldTests;
        options.timeout = verifyTimeout;
        options.tableStats = tableStats;
        if (tableStats == null && historyUrl != null && !"none".equalsIgnoreCase(verify)) {
            options.liveStats = liveStats();
        }
        return options;
    }

    /** The production tables' row counts, from the catalog, over the same read-only session as the history. */
    private TableStats liveStats() {
        try (ReadOnlySession session = ReadOnlySession.open(historyUrl)) {
            spec.commandLine().getErr().println("migsafe: reading table sizes over a read-only session: " + session.url());
            return TableStats.read(session.connection(), session.dialect());
        } catch (java.sql.SQLException e) {
            throw new dev.migsafe.BadInputException("--history-url " + new MaskedUrl(historyUrl)
                    + ": cannot read the table sizes (" + new MaskedUrl(historyUrl).scrub(e.getMessage()) + ")");
        }
    }

    /** Every release of migsafe.yaml older than FROM, newest first, checked against FROM's schema. */
    private RollbackFloor floor(Workspace ws, Dialect dialect, ReleasePair.Releases selected) {
        if (releases.fromDir != null) {
            return null;
        }
        int fromSize = selected.newer().size();
        List<String> older = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String name : ws.config().releases().stream().map(dev.migsafe.config.Release::name).toList()) {
            int size = ws.release(name).size();
            if (size < fromSize) {
                older.add(name);
                sizes.add(size);
            }
        }
        List<String> newestFirst = new ArrayList<>(older);
        newestFirst.sort(Comparator.comparing((String n) -> sizes.get(older.indexOf(n))).reversed());
        return RollbackFloor.find(newestFirst, name -> Verdict.decide(
                ws.analyzeRange(dialect, ws.release(name), selected.newer()).findings(), false));
    }

    private void deliver(Plan plan, List<RunbookFormat> chosen, AnalysisResult result, Workspace ws) {
        Console.deliver(spec, chosen, output, (format, out, toStdout) -> render(plan, format, result, ws, out),
                plan.verdict() + ": recommended way back: " + plan.matrix().recommended() + "; runbook written:");
    }

    private static void render(Plan plan, RunbookFormat format, AnalysisResult result, Workspace ws, Writer out)
            throws IOException {
        switch (format) {
            case TEXT, MARKDOWN -> out.write(RunbookMarkdown.render(plan));
            case HTML -> out.write(RunbookHtml.render(plan));
            case JSON -> new JsonReportWriter().write(ReportBuilder.build("plan", plan.from(), plan.to(), plan.dialect().id(),
                    result, plan.verdict(), VerificationStage.entry(plan.verification()), plan.strategies(), ws.notes()), out);
        }
    }
}
