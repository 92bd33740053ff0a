package dev.migsafe.verify;

import static dev.migsafe.verify.TestMigrations.flyway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.Migration;

/**
 * The watchdog over the verification's statements, on one scratch database per test: a lock held by
 * a session that is not migsafe's makes the waiting statement's step fail with who holds it (instead
 * of hanging), and the verification's deadline stops a statement that runs too long.
 */
abstract class StatementWatchdogScenarios {

    private static final Duration TINY_WAIT = Duration.ofMillis(400);

    ScratchDatabase db;

    abstract ScratchDatabase startDatabase();

    abstract VerifySettings settings();

    /** A statement that runs for about a minute without waiting for any lock. */
    abstract String longStatement();

    @BeforeEach
    void start() {
        db = startDatabase();
    }

    @AfterEach
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    List<Step> run(List<Migration> older, List<Migration> range, VerifySettings settings, Instant deadline,
                   ProgressListener progress) {
        VerifyRequest request = new VerifyRequest(db.kind().dialect(), older, range, "embedded", settings);
        return assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> new VerificationRun(db, request, settings, FlywaySettings.read(settings.projectDir()), progress, deadline).run());
    }

    static Step step(List<Step> steps, String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aLockHeldByAnotherSessionFailsTheStepWithTheBlockerInsteadOfHanging() throws Exception {
        AtomicReference<Connection> holder = new AtomicReference<>();
        ProgressListener holdWhenTheRangeStarts = new ProgressListener() {
            @Override
            public void stepStarted(String name) {
                if (!name.equals(Verifier.APPLY_RANGE)) {
                    return;
                }
                try {
                    Connection c = db.connectAs("someone else");
                    c.setAutoCommit(false);
                    try (Statement st = c.createStatement()) {
                        st.execute("SELECT * FROM t");
                    }
                    holder.set(c);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void stepFinished(Step step) {
            }

            @Override
            public void message(String text) {
            }
        };
        try {
            List<Step> steps = run(List.of(flyway("1", "t", "CREATE TABLE t (id int, v varchar(10));", null)),
                    List.of(flyway("2", "w", "ALTER TABLE t ADD COLUMN w int;", null)),
                    settings().withLimits(TINY_WAIT, Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)),
                    holdWhenTheRangeStarts);
            Step range = step(steps, Verifier.APPLY_RANGE);
            assertEquals(Step.Status.FAILED, range.status(), range.toString());
            String said = String.join("\n", range.failures());
            assertTrue(said.contains("ALTER TABLE t ADD COLUMN w int"), said);
            assertTrue(said.contains("blocked by session"), said);
            assertTrue(said.contains("someone else") || !db.kind().isPostgres(), said);
            assertTrue(said.contains(db.kind().isPostgres() ? "idle in transaction" : "Sleep"), said);
            assertTrue(!db.kind().isPostgres() || said.contains("SELECT * FROM t"), said);
            assertFalse(said.contains("LK615"), "another session is not the migration tool: " + said);
            assertEquals(Step.Status.SKIPPED, step(steps, Verifier.REHEARSAL).status());
        } finally {
            if (holder.get() != null) {
                holder.get().close();
            }
        }
    }

    @Test
    void theDeadlineStopsTheRunningStatementAndNamesTheStepAndStatement() {
        long started = System.nanoTime();
        List<Step> steps = run(List.of(flyway("1", "t", "CREATE TABLE t (id int, v varchar(10));", null)),
                List.of(flyway("2", "slow", longStatement(), null)),
                settings().withLimits(TINY_WAIT, Duration.ofSeconds(4)), Instant.now().plusSeconds(4), ProgressListener.NONE);
        Step range = step(steps, Verifier.APPLY_RANGE);
        assertEquals(Step.Status.FAILED, range.status(), range.toString());
        assertTrue(range.details().contains("deadline"), range.details());
        assertTrue(range.details().contains(longStatement().replace(";", "")), range.details());
        for (String later : List.of(Verifier.CONTRACT, Verifier.OLD_TESTS, Verifier.REHEARSAL)) {
            Step s = step(steps, later);
            assertEquals(Step.Status.SKIPPED, s.status(), s.toString());
        }
        assertTrue((System.nanoTime() - started) / 1e9 < 40, "stopped soon after the deadline");
    }
}
