package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.BadInputException;
import dev.migsafe.source.Migration;

/** Target handling that needs no database. */
class VerifierTest {

    private static VerifyRequest request(Dialect dialect, String target, List<Migration> older) {
        return new VerifyRequest(dialect, older, List.of(), target, VerifySettings.defaults());
    }

    @Test
    void noneDoesNoDatabaseWork() {
        Verification v = new Verifier().run(request(Dialect.POSTGRESQL, "none", List.of()), ProgressListener.NONE);
        assertEquals("none", v.mode());
        assertEquals(Step.Status.SKIPPED, v.steps().get(0).status());
        assertFalse(v.failed());
    }

    @Test
    void anUnknownTargetIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Verifier().run(request(Dialect.POSTGRESQL, "docker", List.of()), ProgressListener.NONE));
        assertEquals("--verify docker: use auto, none, testcontainers, embedded or a JDBC URL", e.getMessage());
    }

    @Test
    void embeddedCannotVerifyMysql() {
        VerificationUnavailableException e = assertThrows(VerificationUnavailableException.class,
                () -> new Verifier().run(request(Dialect.MYSQL, "embedded", List.of()), ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("embedded verification runs PostgreSQL only"), e.getMessage());
    }

    @Test
    void environmentPointsEveryRunAtOtherImages() {
        VerifySettings s = VerifySettings.defaults().withEnvironmentOverrides(Map.of(
                "MIGSAFE_POSTGRES_IMAGE", "local/postgres:15", "MIGSAFE_MYSQL_SERVER", "mariadb"));
        assertEquals("local/postgres:15", s.postgresImage());
        assertEquals("mariadb", s.mysqlServer());
        assertEquals(VerifySettings.DEFAULT_MARIADB_IMAGE, s.mariadbImage());
        assertThrows(IllegalArgumentException.class, () -> s.withMysqlServer("oracle"));
    }

    @Test
    void rendersStepsWithTheirFailures() {
        Verification v = new Verification("embedded", "PostgreSQL 16.15", List.of(
                Step.passed(Verifier.START, 1900, "PostgreSQL 16.15 (embedded)"),
                Step.failed(Verifier.CONTRACT, 120, "the older release breaks", List.of("users.name: SELECT fails"))));
        String text = VerificationText.render(v);
        assertTrue(text.startsWith("Verification on PostgreSQL 16.15 (embedded): FAILED\n"), text);
        assertTrue(text.contains("  passed  start database             1.9 s  PostgreSQL 16.15 (embedded)\n"), text);
        assertTrue(text.contains("  FAILED  older-release contract     0.1 s  the older release breaks\n"
                + "          - users.name: SELECT fails\n"), text);
    }
}
