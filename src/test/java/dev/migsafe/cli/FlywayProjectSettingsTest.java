package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.UsesDatabase;

/**
 * The verification applies Flyway migrations with the project's own Flyway settings: its transactional
 * lock (with Flyway's default the watchdog reports LK615, see VerificationLimitsCliTest), the
 * placeholders it declares (never the environment's), and its {@code mixed} setting.
 */
@UsesDatabase
class FlywayProjectSettingsTest {

    @TempDir
    Path project;

    /** verify with V1 (a table) in both releases and {@code V2__x.sql} = {@code range} in the newer one. */
    private JsonNode applyRange(String range) throws IOException {
        return VerifiedSampleTest.step(verify("CREATE TABLE t (id int, v text);\n", range), "apply range");
    }

    /** The JSON report of verify with {@code V1__t.sql} = {@code v1} in both releases and {@code V2__x.sql} = {@code range} added. */
    private JsonNode verify(String v1, String range) throws IOException {
        Path older = Files.createDirectories(project.resolve("old"));
        Path newer = Files.createDirectories(project.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), v1);
        Files.copy(older.resolve("V1__t.sql"), newer.resolve("V1__t.sql"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(newer.resolve("V2__x.sql"), range);
        CliRun run = CliRun.of("verify", "new", "old", "--project", project.toString(), "--from-dir", newer.toString(),
                "--to-dir", older.toString(), "--verify", "embedded", "--format", "json");
        return run.json();
    }

    @Test
    void theProjectsSchemasAndHistoryTableAreWhereTheMigrationsRun() throws IOException {
        // unqualified names land in Flyway's default schema (app); audit exists because Flyway creates its schemas
        Files.writeString(project.resolve("flyway.conf"), "flyway.schemas=app,audit\nflyway.table=schema_version\n");

        JsonNode report = verify("CREATE TABLE t (id int, v text);\nCREATE TABLE app.u (id int);\nCREATE TABLE audit.log (id int);\n",
                "ALTER TABLE t DROP COLUMN v;\n");

        JsonNode start = VerifiedSampleTest.step(report, "start database");
        assertTrue(start.get("details").asText().contains("in the project's Flyway schema app"), start::toString);
        // the snapshot is app's: t and u, not audit.log, and not Flyway's history table under its project name
        JsonNode seed = VerifiedSampleTest.step(report, "seed data");
        assertTrue(seed.get("details").asText().contains("into 2 table(s)"), seed::toString);
        JsonNode contract = VerifiedSampleTest.step(report, "older-release contract");
        assertEquals("failed", contract.get("status").asText(), contract::toString);
        assertTrue(contract.toString().contains("t.v"), contract::toString);
    }

    @Test
    void thePlanNamesTheProjectsHistoryTable() throws IOException {
        Files.writeString(project.resolve("flyway.conf"), "flyway.schemas=app\nflyway.table=Deploy_History\n");
        Path older = Files.createDirectories(project.resolve("old"));
        Path newer = Files.createDirectories(project.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE t (id int, v text);\n");
        Files.writeString(newer.resolve("V1__t.sql"), "CREATE TABLE t (id int, v text);\n");
        Files.writeString(newer.resolve("V2__x.sql"), "ALTER TABLE t ADD COLUMN w text;\n");
        Files.writeString(newer.resolve("U2__x.sql"), "ALTER TABLE t DROP COLUMN w;\n");
        CliRun run = CliRun.of("plan", "new", "old", "--project", project.toString(), "--from-dir", newer.toString(),
                "--to-dir", older.toString(), "--format", "markdown");
        String runbook = run.out();
        assertTrue(runbook.contains("DELETE FROM app.\"Deploy_History\" WHERE version IN ('2');"), runbook);
        assertTrue(runbook.contains("FROM app.\"Deploy_History\" ORDER BY installed_rank"), runbook);
        assertFalse(runbook.contains("flyway_schema_history"), runbook);
    }

    @Test
    void aProjectThatTurnedTheLockOffVerifiesWithoutWaiting() throws IOException {
        Files.writeString(project.resolve("flyway.conf"), "flyway.postgresql.transactional.lock=false\n");

        JsonNode range = applyRange("CREATE INDEX CONCURRENTLY t_v ON t (v);\n");

        assertEquals("passed", range.get("status").asText(), range::toString);
        assertFalse(range.get("details").asText().contains("LK615"), range::toString);
    }

    @Test
    void placeholdersComeFromTheProjectsSpringConfiguration() throws IOException {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"),
                "spring:\n  flyway:\n    placeholders:\n      owner_role: app\n");

        JsonNode range = applyRange("ALTER TABLE t ADD COLUMN owner text DEFAULT '${owner_role}';\n");

        assertEquals("passed", range.get("status").asText(), range::toString);
    }

    @Test
    void anUndeclaredPlaceholderIsNotTakenFromTheEnvironment() throws IOException {
        // PATH is set in every environment; Flyway itself would not read it without an env placeholder setting
        JsonNode range = applyRange("ALTER TABLE t ADD COLUMN p text DEFAULT '${PATH}';\n");

        assertEquals("failed", range.get("status").asText(), range::toString);
        assertTrue(range.toString().contains("No value provided for placeholder"), range::toString);
        assertFalse(range.toString().contains(System.getenv("PATH")), range::toString);
    }

    @Test
    void flywayRefusesAMixedFileUnlessTheProjectAllowsIt() throws IOException {
        String mixed = "ALTER TABLE t ADD COLUMN w int;\nCREATE INDEX CONCURRENTLY t_w ON t (w);\n";
        Files.writeString(project.resolve("flyway.conf"), "flyway.postgresql.transactional.lock=false\n");

        JsonNode refused = applyRange(mixed);
        assertEquals("failed", refused.get("status").asText(), refused::toString);
        assertTrue(refused.toString().contains("Detected both transactional and non-transactional statements"),
                refused::toString);

        Files.writeString(project.resolve("flyway.conf"), "flyway.postgresql.transactional.lock=false\nflyway.mixed=true\n");
        assertEquals("passed", applyRange(mixed).get("status").asText());
    }
}
