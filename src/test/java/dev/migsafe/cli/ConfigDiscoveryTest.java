package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze PATH} uses the nearest migsafe.yaml at or above PATH, wherever migsafe runs from (these
 * projects lie outside the working directory), and PATH may be the project itself.
 */
class ConfigDiscoveryTest {

    @TempDir
    Path project;

    private void project(String config) throws IOException {
        Files.createDirectories(project.resolve(".git"));
        Path dir = Files.createDirectories(project.resolve("sql/changes"));
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (a int, b int);\n");
        Files.writeString(dir.resolve("V2__d.sql"), "ALTER TABLE t DROP COLUMN a;\n");
        Files.writeString(project.resolve("migsafe.yaml"), config);
    }

    @Test
    void theConfigurationAboveTheFolderAppliesFromAnywhere() throws IOException {
        project("rules:\n  BC104: {severity: info}\n");

        CliRun run = CliRun.of("analyze", project.resolve("sql/changes").toString(), "--format", "json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("info"), findings(run, "BC104").stream()
                .map(f -> f.get("severity").asText()).toList(), run::toString);
    }

    @Test
    void analyzingTheProjectFolderUsesItsMigrationsSetting() throws IOException {
        project("migrations:\n  - path: sql/changes\n    format: flyway\n");

        CliRun run = CliRun.of("analyze", project.toString(), "--format", "json");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, findings(run, "BC104").size(), run::toString);
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> findings(CliRun run, String ruleId) {
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        run.json().get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                out.add(f);
            }
        });
        return out;
    }
}
