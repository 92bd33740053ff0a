package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The project's own Flyway setting is applied: with postgresql.transactional.lock=false in flyway.conf,
 * CREATE INDEX CONCURRENTLY applies at once (with Flyway's default the watchdog reports LK615, see
 * VerificationLimitsCliTest).
 */
class FlywayConcurrentIndexTest {

    @TempDir
    Path project;

    private CliRun verify() throws IOException {
        Path older = Files.createDirectories(project.resolve("old"));
        Path newer = Files.createDirectories(project.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE t (id int, v text);\n");
        Files.copy(older.resolve("V1__t.sql"), newer.resolve("V1__t.sql"));
        Files.writeString(newer.resolve("V2__idx.sql"), "CREATE INDEX CONCURRENTLY t_v ON t (v);\n");
        Files.writeString(newer.resolve("V2__idx.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(newer.resolve("U2__idx.sql"), "DROP INDEX CONCURRENTLY t_v;\n");
        Files.writeString(newer.resolve("U2__idx.sql.conf"), "executeInTransaction=false\n");
        return CliRun.of("verify", "new", "old", "--project", project.toString(), "--from-dir", newer.toString(),
                "--to-dir", older.toString(), "--verify", "embedded", "--format", "json");
    }

    @Test
    void aProjectThatTurnedTheLockOffVerifiesWithoutWaiting() throws IOException {
        Files.writeString(project.resolve("flyway.conf"), "flyway.postgresql.transactional.lock=false\n");

        JsonNode range = VerifiedSampleTest.step(verify().json(), "apply range");

        assertEquals("passed", range.get("status").asText(), range::toString);
        assertFalse(range.get("details").asText().contains("hangs"), range::toString);
    }
}
