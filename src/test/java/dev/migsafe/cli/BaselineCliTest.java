package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adoption on an existing repository, end to end through the CLI: {@code migsafe baseline} records
 * today's findings; later runs report them as baselined, survive line shifts, and fail only on new
 * findings. Works on a copy of the shop sample in a temporary folder.
 */
class BaselineCliTest {
    @TempDir
    Path project;
    Path migrations;

    @BeforeEach
    void copyShop() throws IOException {
        Path source = Path.of(SampleCommandsTest.SHOP);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = project.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        migrations = project.resolve("db/migration");
    }

    @Test
    void baselinedFindingsDoNotFailButNewOnesDo() throws IOException {
        CliRun before = analyze();
        assertEquals(1, before.exitCode(), "BC102 fails the shop before a baseline: " + before);

        CliRun record = CliRun.of("baseline", "--project", project.toString());
        assertEquals(0, record.exitCode(), record::toString);
        Path file = project.resolve("migsafe-baseline.json");
        assertTrue(Files.isRegularFile(file), record::toString);
        assertTrue(record.out().contains("recorded"), record::toString);
        JsonNode baseline = new ObjectMapper().readTree(file.toFile());
        assertEquals(1, baseline.get("schemaVersion").asInt());
        assertTrue(ruleIds(baseline.get("findings")).contains("BC102"));

        CliRun after = analyze();
        assertEquals(0, after.exitCode(), after::toString);
        JsonNode bc102 = finding(after.json(), "BC102");
        assertTrue(bc102.get("baselined").asBoolean());
        assertFalse(bc102.get("blocking").asBoolean());
        assertEquals(0, after.json().get("summary").get("errors").asInt());
        assertTrue(after.json().get("summary").get("baselined").asInt() >= 1);
        assertEquals("migsafe-baseline.json", after.json().get("baseline").asText());

        // lines added above the statement: still the same finding
        Path v6 = migrations.resolve("V6__rename_customer_name.sql");
        Files.writeString(v6, "-- Customers: one name field\n-- (see #12)\n\n" + Files.readString(v6));
        CliRun shifted = analyze();
        assertEquals(0, shifted.exitCode(), shifted::toString);
        JsonNode moved = finding(shifted.json(), "BC102");
        assertEquals(7, moved.get("line").asInt());
        assertTrue(moved.get("baselined").asBoolean());

        // a new migration with a new problem fails, and only it counts
        Files.writeString(migrations.resolve("V9__drop_phone.sql"), "ALTER TABLE customers DROP COLUMN phone;\n");
        CliRun added = analyze();
        assertEquals(1, added.exitCode(), added::toString);
        JsonNode bc104 = finding(added.json(), "BC104");
        assertFalse(bc104.get("baselined").asBoolean());
        assertTrue(bc104.get("blocking").asBoolean());
        assertTrue(finding(added.json(), "BC102").get("baselined").asBoolean());
        assertEquals(1, added.json().get("summary").get("errors").asInt());

        // --no-baseline counts everything again
        CliRun all = CliRun.of("analyze", "--project", project.toString(), "--format", "json", "--no-baseline");
        assertEquals(1, all.exitCode());
        assertFalse(finding(all.json(), "BC102").get("baselined").asBoolean());
    }

    @Test
    void editingTheStatementMakesItNewAndTheStaleEntryIsNoted() throws IOException {
        assertEquals(0, CliRun.of("baseline", "--project", project.toString()).exitCode());
        Path v6 = migrations.resolve("V6__rename_customer_name.sql");
        Files.writeString(v6, Files.readString(v6).replace("TO full_name", "TO display_name"));
        CliRun run = analyze();
        assertEquals(1, run.exitCode(), run::toString);
        assertFalse(finding(run.json(), "BC102").get("baselined").asBoolean());
        assertTrue(notes(run.json()).stream().anyMatch(n -> n.contains("no longer match a finding")), run::toString);
    }

    @Test
    void explicitBaselineFile() throws IOException {
        Path file = project.resolve("ci/accepted.json");
        CliRun record = CliRun.of("baseline", "--project", project.toString(), "--baseline", file.toString());
        assertEquals(0, record.exitCode(), record::toString);
        assertTrue(Files.isRegularFile(file));
        assertFalse(Files.exists(project.resolve("migsafe-baseline.json")));

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json", "--baseline",
                file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(finding(run.json(), "BC102").get("baselined").asBoolean());
        assertTrue(notes(run.json()).stream().anyMatch(n -> n.contains("reported as baselined")), run::toString);
    }

    @Test
    void canRollbackIgnoresTheBaseline() {
        assertEquals(0, CliRun.of("baseline", "--project", project.toString()).exitCode());
        // a baseline quiets a pull-request check; the release question always gets the full answer
        CliRun run = CliRun.of("can-rollback", "--verify", "none", "v1.3.0", "v1.2.9", "--project", project.toString(),
                "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        assertFalse(finding(run.json(), "BC102").get("baselined").asBoolean());
    }

    @Test
    void badBaselineFileIsBadInput() throws IOException {
        Files.writeString(project.resolve("migsafe-baseline.json"), "{\"schemaVersion\": 1, \"findings\": [\n  {oops}\n]}");
        CliRun run = analyze();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("migsafe-baseline.json:2: not a migsafe baseline"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);

        CliRun missing = CliRun.of("analyze", "--project", project.toString(), "--baseline", "nope.json");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.json: no such baseline file"), missing::toString);
    }

    @Test
    void suppressedFindingsAreNotRecorded() throws IOException {
        Path v6 = migrations.resolve("V6__rename_customer_name.sql");
        Files.writeString(v6, "-- migsafe:ignore-file BC102 the old release is retired (#7)\n" + Files.readString(v6));
        assertEquals(0, CliRun.of("baseline", "--project", project.toString()).exitCode());
        JsonNode baseline = new ObjectMapper().readTree(project.resolve("migsafe-baseline.json").toFile());
        assertFalse(ruleIds(baseline.get("findings")).contains("BC102"));
    }

    private CliRun analyze() {
        return CliRun.of("analyze", "--project", project.toString(), "--format", "json");
    }

    private static JsonNode finding(JsonNode report, String ruleId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + report.get("findings"));
    }

    private static List<String> ruleIds(JsonNode findings) {
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    private static List<String> notes(JsonNode report) {
        List<String> notes = new ArrayList<>();
        if (report.has("notes")) {
            report.get("notes").forEach(n -> notes.add(n.asText()));
        }
        return notes;
    }
}
