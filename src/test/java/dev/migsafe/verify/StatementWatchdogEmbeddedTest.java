package dev.migsafe.verify;

import static dev.migsafe.verify.TestMigrations.flyway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.test.UsesDatabase;

/** The watchdog on embedded PostgreSQL, and Flyway's own lock blocking a concurrent index (LK615). */
@UsesDatabase
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
    void flywaysTransactionalLockBlockingAConcurrentIndexIsLk615AndTheRunGoesOnWithTheFix() throws Exception {
        // the statement wait is long: Flyway's own idle session never lets go, so LK615 does not wait for it
        VerifySettings settings = settings().withLimits(Duration.ofSeconds(60), Duration.ofMinutes(5));
        Instant started = Instant.now();
        List<Step> steps = run(List.of(flyway("1", "t", "CREATE TABLE t (id int, v text);", null)),
                List.of(flyway("2", "idx", "CREATE INDEX CONCURRENTLY t_v ON t (v);", null),
                        flyway("3", "idx2", "CREATE INDEX CONCURRENTLY t_id ON t (id);", null)),
                settings, Instant.now().plus(Duration.ofMinutes(5)), ProgressListener.NONE);
        Step range = step(steps, Verifier.APPLY_RANGE);
        String said = range.details() + "\n" + String.join("\n", range.failures());
        assertEquals(Step.Status.PASSED, range.status(), said);
        assertTrue(said.contains("LK615 migration-tool-deadlock"), said);
        assertTrue(said.contains("CREATE INDEX CONCURRENTLY t_v ON t (v)"), said);
        assertTrue(said.contains("applied again with postgresql.transactional.lock=false"), said);
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 45, "LK615 waited for the statement wait");
        assertEquals(Step.Status.PASSED, step(steps, Verifier.CONTRACT).status(), steps::toString);
        // both indexes exist and are valid: the cancelled build's leftover was cleared, the file ran again
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                     + " WHERE c.relname IN ('t_v', 't_id') AND i.indisvalid")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }
}
