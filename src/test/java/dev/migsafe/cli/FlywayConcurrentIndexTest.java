package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CREATE INDEX CONCURRENTLY under Flyway waited forever for Flyway's own session (idle in transaction
 * with its advisory lock, postgresql.transactional.lock=true by default), then failed: a false NO_GO
 * after minutes. The range now applies, and the step says the project's setting hangs the deploy.
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
    void theRangeAppliesAndTheHangOfTheDefaultSettingIsNamed() throws IOException {
        JsonNode range = VerifiedSampleTest.step(verify().json(), "apply range");

        assertEquals("passed", range.get("status").asText(), range::toString);
        assertTrue(range.get("details").asText().contains("the deploy hangs on migration 2"), range::toString);
    }

    @Test
    void aProjectThatTurnedTheLockOffHearsNothingAboutIt() throws IOException {
        Files.writeString(project.resolve("flyway.conf"), "flyway.postgresql.transactional.lock=false\n");

        JsonNode range = VerifiedSampleTest.step(verify().json(), "apply range");

        assertEquals("passed", range.get("status").asText(), range::toString);
        assertFalse(range.get("details").asText().contains("hangs"), range::toString);
    }
}
