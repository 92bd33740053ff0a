package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.config.Durations;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.Migration;

/**
 * The steps on one scratch database, in order, each timed and reported. A step that leaves the
 * database in an unknown state (the older release or the range does not apply) skips the steps that
 * depend on it.
 */
final class VerificationRun {

    private final ScratchDatabase db;
    private final VerifyRequest request;
    private final VerifySettings settings;
    /** The project's Flyway settings, applied as its Flyway would. */
    private final FlywaySettings flyway;
    private final ProgressListener progress;
    private final List<Step> steps = new ArrayList<>();
    private List<LockTrace.Record> locks = List.of();

    private SchemaSnapshot older;
    private SeedResult seed;
    private RowValues seeded = RowValues.NONE;
    private List<ContractProbe> baseline = List.of();
    /** The older code's statements that already fail on the older schema: not the range's doing. */
    private java.util.Set<String> codeBaseline = java.util.Set.of();
    private ParsedRange parsedRange;
    private RangeExpectations expectations;

    private final Instant deadline;
    private StatementWatchdog watchdog;
    /** The step the deadline stopped, once it is reached. */
    private String stoppedIn;

    /** @param deadline when the whole verification must end ({@code --verify-timeout} after it began) */
    VerificationRun(ScratchDatabase db, VerifyRequest request, VerifySettings settings, FlywaySettings flyway,
                    ProgressListener progress, Instant deadline) {
        this.flyway = flyway;
        this.deadline = deadline;
        this.db = db;
        this.request = request;
        this.settings = settings;
        this.progress = progress;
    }

    List<Step> run() {
        try (StatementWatchdog started = StatementWatchdog.start(db, settings.statementWait(), deadline, progress)) {
            watchdog = started;
            runSteps();
        } finally {
            if (watchdog.deadlineReached()) {
                Thread.interrupted(); // the watchdog's interrupt was for the step it stopped, not for the cleanup
            }
        }
        return steps;
    }

    private void runSteps() {
        try (MigrationApplier applier = new MigrationApplier(db, progress, flyway,
                watchdog::toolDeadlock)) {
            if (!step(Verifier.APPLY_OLDER, () -> applyOlder(applier))) {
                skipRest("the older release's migrations do not apply", Verifier.SEED, Verifier.APPLY_RANGE,
                        Verifier.CONTRACT, Verifier.OLD_TESTS, Verifier.REHEARSAL);
                return;
            }
            step(Verifier.SEED, this::seed);
            lockTrace(applier);
            if (!step(Verifier.APPLY_RANGE, () -> applyRange(applier))) {
                skipRest("the range does not apply", Verifier.CONTRACT, Verifier.OLD_TESTS, Verifier.REHEARSAL);
                return;
            }
            step(Verifier.CONTRACT, this::contract);
            step(Verifier.OLD_TESTS, () -> new OldTestsRunner(settings).run(db, progress));
            step(Verifier.REHEARSAL, () -> new RollbackRehearsal(db, applier).run(request.range(), older, seeded, request.lineage()));
        }
    }

    private StepOutcome applyOlder(MigrationApplier applier) throws Exception {
        try {
            applier.apply(request.older());
        } catch (MigrationFailedException e) {
            return StepOutcome.failed("the older release's migrations fail on an empty database",
                    List.of(e.failure().describe()));
        }
        try (Connection c = db.connect()) {
            older = applier.snapshotReader().read(c);
        }
        return StepOutcome.passed("applied " + request.older().size() + " migration(s) of the older release"
                + engines(request.older()) + notes(applier) + "; schema has " + older.tables().size() + " table(s), "
                + older.views().size() + " view(s)");
    }

    /** The range parsed once, for seeding and blame. */
    private ParsedRange parsedRange() {
        if (parsedRange == null) {
            parsedRange = new ParsedRange(request.range(), db.kind());
        }
        return parsedRange;
    }

    /** What the range expects of the older release's rows, read once the older schema is known. */
    private RangeExpectations expectations() {
        if (expectations == null) {
            expectations = RangeExpectations.of(parsedRange(), older);
        }
        return expectations;
    }

    private StepOutcome seed() throws SQLException {
        try (Connection c = db.connect()) {
            seed = new Seeder(db.kind(), expectations()).seed(c, older);
            // what the older release cannot do even on its own schema is not the range's fault
            baseline = new ContractCheck(db.kind(), expectations()).run(c, older, seed);
            codeBaseline = CodeProbe.run(c, request.code().probes()).stream().map(CodeProbe.Failure::key)
                    .collect(Collectors.toSet());
        }
        seeded = RowValues.read(db, older);
        String details = "inserted " + seed.totalInserted() + " row(s) into " + seed.inserted().size() + " table(s)"
                + SeedEdges.describe(seed.edgeRows(), seed.edgesCovered(), seed.edgesRefused());
        if (seed.problems().isEmpty()) {
            return StepOutcome.passed(details);
        }
        // seeding is best effort: an unseeded table weakens later steps but proves nothing wrong
        return StepOutcome.passed(details + "; could not seed " + String.join("; ", seed.problems()));
    }

    /** What the lock trace measured, per statement of the range; empty when it did not run. */
    List<LockTrace.Record> locks() {
        return locks;
    }

    /**
     * The lock trace step, when not turned off. It measures, it never fails the verification: a trace that
     * cannot run (no right to create its database on MySQL, say) is skipped with the reason.
     */
    private void lockTrace(MigrationApplier applier) {
        if (!settings.lockTrace()) {
            return;
        }
        step(Verifier.LOCK_TRACE, () -> {
            // a tenth of the time left, at most 2 s a statement: seeded tables are small, and the steps
            // that prove breakage must keep their time
            long left = java.time.Duration.between(java.time.Instant.now(), deadline).toMillis();
            LockTrace.Result result;
            // PostgreSQL: on a copy, each transaction of the range can be committed as its tool commits it (the
            // copy is made while the watchdog has no session on the database, as a template may have none)
            ScratchDatabase copy = db.kind().isPostgres() ? watchdog.withoutSession(() -> {
                applier.releaseSessions();
                return db.copy("migsafe_trace_" + ProcessHandle.current().pid() + "_" + Long.toHexString(System.nanoTime()));
            }) : null;
            try {
                result = LockTrace.of(db, copy, java.time.Duration.ofMillis(Math.max(50, Math.min(2000, left / 10))),
                        older, request.tableStats()).run(parsedRange());
            } catch (SQLException e) {
                return StepOutcome.skipped("skipped: the locks could not be traced on " + db.kind().displayName()
                        + ": " + Errors.message(e));
            } finally {
                if (copy != null) {
                    copy.close();
                }
            }
            locks = request.tableStats().estimated(result.records());
            return StepOutcome.passed(LockTraceText.summary(new LockTrace.Result(locks, result.lockTimeout(), result.how())));
        });
    }

    private StepOutcome applyRange(MigrationApplier applier) throws Exception {
        if (request.range().isEmpty()) {
            return StepOutcome.passed("the range is empty");
        }
        try {
            applier.apply(request.range());
        } catch (MigrationFailedException e) {
            // a failure may come from the edge rows, which only stand for values the older type allows
            boolean edges = seed != null && !seed.edgesCovered().isEmpty();
            return StepOutcome.failed(edges
                    ? "the range fails on the older release's schema with data in it, rows at the limits of the older"
                    + " types of " + String.join(", ", seed.edgesCovered()) + " included: the deploy fails if the"
                    + " database holds such values"
                    : "the range fails on the older release's schema with data in it: the deploy would fail",
                    List.of(e.failure().describe()));
        }
        return StepOutcome.passed("applied " + request.range().size() + " migration(s)" + engines(request.range())
                + notes(applier));
    }

    private StepOutcome contract() throws SQLException {
        if (seed == null) {
            seed = SeedResult.EMPTY;
        }
        List<ContractProbe> now;
        List<CodeProbe.Failure> code;
        try (Connection c = db.connect()) {
            now = new ContractCheck(db.kind(), expectations()).run(c, older, seed);
            code = CodeProbe.run(c, request.code().probes());
        }
        Set<String> known = baseline.stream().map(ContractProbe::key).collect(Collectors.toSet());
        RangeAttribution attribution = new RangeAttribution(parsedRange());
        List<String> failures = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (ContractProbe probe : now) {
            if (known.contains(probe.key())) {
                continue;
            }
            if (request.code().unused().test(probe.table(), probe.column())) {
                unused.add(probe.subject());
                continue;
            }
            String cause = attribution.blame(probe.table(), probe.column());
            failures.add(probe.subject() + ": " + probe.operation() + " fails: " + probe.error()
                    + (cause == null ? "" : " - caused by " + cause));
        }
        for (CodeProbe.Failure f : code) {
            if (!codeBaseline.contains(f.key())) {
                String cause = f.probe().table() == null ? null : attribution.blame(f.probe().table(), f.probe().column());
                // an entity's column leads with its name, so the verdict tells it with that column's evidence
                String subject = f.probe().column() == null ? "" : f.probe().table() + "." + f.probe().column() + ": ";
                failures.add(subject + "the older release's code, " + f.probe().where() + ": " + FirstLine.of(f.probe().sql())
                        + " fails: " + f.error() + (cause == null ? "" : " - caused by " + cause));
            }
        }
        List<CodeProbe> probes = request.code().probes();
        String checked = "SELECT, INSERT, UPDATE and DELETE of " + older.tables().size() + " older table(s)"
                + (probes.isEmpty() ? "" : " and " + probes.size() + " statement(s) of the older release's code");
        long alreadyFailing = now.stream().filter(p -> known.contains(p.key())).count();
        String ignored = (alreadyFailing > 0 ? " (" + alreadyFailing + " already failing on the older schema, such as a"
                + " DELETE blocked by a foreign key, not counted)" : "")
                + (unused.isEmpty() ? "" : " (" + unused.size() + " failing on " + String.join(", ", new java.util.TreeSet<>(unused))
                + ", which the older release's code does not use, not counted)");
        return failures.isEmpty() ? StepOutcome.passed(checked + " still work" + ignored)
                : StepOutcome.failed("the older release breaks on the new schema: " + failures.size()
                + " failing operation(s) in " + checked + ignored, failures);
    }

    /** "; Liquibase skipped 1 changeSet(s) for another database: ..." or "". */
    private static String notes(MigrationApplier applier) {
        return applier.takeNotes().stream().map(n -> "; " + n).collect(Collectors.joining());
    }

    /** " with Flyway", " with Liquibase and JDBC": the engines that applied the migrations. */
    private static String engines(List<Migration> migrations) {
        List<String> used = new ArrayList<>();
        if (migrations.stream().anyMatch(MigrationApplier::isFlyway)) {
            used.add("Flyway");
        }
        if (migrations.stream().anyMatch(LiquibaseRunner::runs)) {
            used.add("Liquibase");
        }
        if (migrations.stream().anyMatch(m -> !MigrationApplier.isFlyway(m) && !LiquibaseRunner.runs(m))) {
            used.add("JDBC");
        }
        return used.isEmpty() ? "" : used.equals(List.of("JDBC")) ? " over JDBC" : " with " + String.join(" and ", used);
    }

    /** A step body; exceptions become a failed step instead of ending the verification. */
    private interface Body {
        StepOutcome run() throws Exception;
    }

    /**
     * Runs, times and records a step; true when it did not fail. The watchdog's findings go into the
     * step: the lock waits it cancelled, or the deadline it stopped the step at.
     */
    private boolean step(String name, Body body) {
        if (watchdog.deadlineReached()) {
            skipRest(null, name);
            return false;
        }
        progress.stepStarted(name);
        long start = System.nanoTime();
        StepOutcome outcome;
        try {
            outcome = body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = StepOutcome.failed("interrupted", List.of("interrupted"));
        } catch (Exception e) {
            outcome = StepOutcome.failed("could not run: " + Errors.message(e), List.of(Errors.message(e)));
        }
        if (watchdog.deadlineReached()) {
            Thread.interrupted();
            stoppedIn = name;
            outcome = stoppedAtDeadline(outcome);
        }
        List<String> failures = new ArrayList<>();
        for (LockWait wait : watchdog.takeWaits()) {
            // a step that went on after LK615 with the fix applied says so in its details
            if (!(wait.byMigrationTool() && outcome.status() != Step.Status.FAILED)) {
                failures.addAll(wait.describe());
            }
        }
        failures.addAll(outcome.failures());
        Step step = new Step(name, failures.isEmpty() ? outcome.status() : Step.Status.FAILED,
                (System.nanoTime() - start) / 1_000_000, outcome.details(), failures);
        steps.add(step);
        progress.stepFinished(step);
        return step.status() != Step.Status.FAILED;
    }

    /** "the verification's deadline (--verify-timeout 15m) was reached". */
    private String deadlineText() {
        return "the verification's deadline (--verify-timeout " + Durations.show(settings.verifyTimeout()) + ") was reached";
    }

    /** The step failed at the deadline, saying which statements it stopped. */
    private StepOutcome stoppedAtDeadline(StepOutcome outcome) {
        List<String> statements = watchdog.runningAtDeadline().stream()
                .map(r -> "`" + FirstLine.of(r.statement()) + "` (running for " + LockWait.seconds(r.runningMs()) + ")")
                .toList();
        String stopped = deadlineText() + " in this step" + (statements.isEmpty() ? ""
                : ", stopping " + String.join(", ", statements));
        List<String> failures = new ArrayList<>();
        failures.add(stopped);
        failures.addAll(outcome.failures());
        return StepOutcome.failed(stopped, failures);
    }

    private void skipRest(String reason, String... names) {
        for (String name : names) {
            Step step = Step.skipped(name, "skipped: " + (watchdog.deadlineReached()
                    ? deadlineText() + (stoppedIn == null ? " before this step" : " in step '" + stoppedIn + "'") : reason));
            progress.stepStarted(name);
            steps.add(step);
            progress.stepFinished(step);
        }
    }
}
