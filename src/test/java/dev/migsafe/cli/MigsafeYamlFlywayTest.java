package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.source.FlywaySettings;

/**
 * migsafe.yaml's {@code flyway:} section (what the Maven plugin writes from flyway-maven-plugin's
 * {@code <table>} and {@code <placeholders>}) wins over the project's Flyway files.
 */
class MigsafeYamlFlywayTest {
    @TempDir
    Path project;

    @Test
    void thePlanNamesTheHistoryTableOfMigsafeYaml() throws IOException {
        Files.writeString(project.resolve("flyway.conf"), "flyway.schemas=app\nflyway.table=from_conf\n");
        Files.writeString(project.resolve("migsafe.yaml"), "flyway:\n  table: Orders_History\n");
        Path older = Files.createDirectories(project.resolve("old"));
        Path newer = Files.createDirectories(project.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE t (id int, v text);\n");
        Files.writeString(newer.resolve("V1__t.sql"), "CREATE TABLE t (id int, v text);\n");
        Files.writeString(newer.resolve("V2__x.sql"), "ALTER TABLE t ADD COLUMN w text;\n");
        Files.writeString(newer.resolve("U2__x.sql"), "ALTER TABLE t DROP COLUMN w;\n");
        CliRun run = CliRun.of("plan", "new", "old", "--project", project.toString(), "--from-dir", newer.toString(),
                "--to-dir", older.toString(), "--format", "markdown");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("DELETE FROM app.\"Orders_History\" WHERE version IN ('2');"), run.out());
        assertFalse(run.out().contains("from_conf"), run.out());
    }

    @Test
    void placeholdersOfMigsafeYamlWinByName() {
        FlywaySettings files = new FlywaySettings(true, null, Map.of("owner", "conf", "schema", "app"), true, false, false);
        FlywaySettings merged = files.with(null, Map.of("owner", "pom"));
        assertEquals(Map.of("owner", "pom", "schema", "app"), merged.placeholders());
        assertEquals(FlywaySettings.DEFAULT_TABLE, merged.table());
        assertEquals("h", files.with("h", Map.of()).table());
    }
}
