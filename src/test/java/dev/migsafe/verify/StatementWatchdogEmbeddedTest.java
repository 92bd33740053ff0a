package dev.migsafe.verify;

import static dev.migsafe.verify.TestMigrations.flyway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The watchdog on embedded PostgreSQL, and Flyway's own lock blocking a concurrent index (LK615). */
class StatementWatchdogEmbeddedTest extends StatementWatchdogScenarios {

    @Override
    ScratchDatabase startDatabase() {
        return new EmbeddedPostgresProvider().start(ServerKind.POSTGRESQL, ProgressListener.NONE);
    }

    @Override
    VerifySettings settings() {
        return VerifySettings.defaults();
    }

    @Override
    String longStatement() {
        return "SELECT pg_sleep(60);";
    }

    @Test
    void flywaysTransactionalLockBlockingAConcurrentIndexIsLk615() {
        List<Step> steps = run(List.of(flyway("1", "t", "CREATE TABLE t (id int, v text);", null)),
                List.of(flyway("2", "idx", "CREATE INDEX CONCURRENTLY t_v ON t (v);", null)),
                settings().withLimits(Duration.ofSeconds(1), Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)),
                ProgressListener.NONE);
        Step range = step(steps, Verifier.APPLY_RANGE);
        String said = range.details() + "\n" + String.join("\n", range.failures());
        assertEquals(Step.Status.FAILED, range.status(), said);
        assertTrue(said.contains("LK615 migration-tool-deadlock"), said);
        assertTrue(said.contains("CREATE INDEX CONCURRENTLY t_v ON t (v)"), said);
        assertTrue(said.contains("postgresql.transactional.lock=false"), said);
    }
}
