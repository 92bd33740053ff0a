package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.UsesDatabase;

/**
 * End to end with a real database: the README's main command proves on PostgreSQL what the static
 * rules say, and the shop's older-release test suite runs against the new schema. Without
 * {@code --verify}, a machine without Docker uses embedded PostgreSQL (CI, with Docker, uses
 * Testcontainers with its local image).
 */
@UsesDatabase
class VerifiedSampleTest {
    static final String SHOP = "sample-migrations/shop";
    static final String OLD_TESTS = "\"$MIGSAFE_JAVA\" -cp \"$MIGSAFE_CLASSPATH\" "
            + Path.of(SHOP, "release-tests", "ShopV129Test.java").toAbsolutePath();

    @Test
    void mainCommandProvesTheRenameBreaksTheOlderRelease() {
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("NO_GO", report.get("verdict").asText());
        JsonNode verification = report.get("verification");
        assertTrue(List.of("embedded", "testcontainers").contains(verification.get("mode").asText()), run::toString);
        assertTrue(verification.get("database").asText().startsWith("PostgreSQL"), run::toString);
        JsonNode contract = step(report, "older-release contract");
        assertEquals("failed", contract.get("status").asText(), run::toString);
        String failures = contract.get("failures").toString();
        assertTrue(failures.contains("customers.name") && failures.contains("V6__rename_customer_name.sql"), failures);
        assertEquals("passed", step(report, "apply range").get("status").asText());
        assertEquals("passed", step(report, "rollback rehearsal").get("status").asText(), run::toString);
        assertTrue(run.err().contains("older-release contract"), "progress on stderr: " + run.err());
    }

    @Test
    void expandContractReleasePassesEveryStep() {
        CliRun run = CliRun.of("can-rollback", "v1.3.1", "v1.3.0", "--project", SHOP, "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("GO", report.get("verdict").asText());
        for (JsonNode s : report.get("verification").get("steps")) {
            String expected = s.get("name").asText().equals("older-release tests") ? "skipped" : "passed";
            assertEquals(expected, s.get("status").asText(), s.toString());
        }
    }

    @Test
    void olderReleaseTestsFailOnTheNewSchema() {
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "embedded",
                "--old-tests", OLD_TESTS, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode tests = step(run.json(), "older-release tests");
        assertEquals("failed", tests.get("status").asText(), run::toString);
        String failures = tests.get("failures").toString();
        assertTrue(failures.contains("registersACustomer") && failures.contains("findsACustomerByEmail")
                && failures.contains("placesAnOrder"), failures);
        assertTrue(!failures.contains("listsOrdersWithTheirTotal"), "that query does not touch the renamed column");
    }

    @Test
    void olderReleaseTestsPassOnTheirOwnSchema(@TempDir Path tmp) throws IOException {
        Path older = copyShop(tmp.resolve("v1.2.9"), 5);
        Path newer = copyShop(tmp.resolve("v1.2.10"), 5);
        Files.writeString(newer.resolve("V9__add_customer_note.sql"), "ALTER TABLE customers ADD COLUMN note text;\n");
        CliRun run = CliRun.of("can-rollback", "--from-dir", newer.toString(), "--to-dir", older.toString(),
                "--project", tmp.toString(), "--verify", "embedded", "--old-tests", OLD_TESTS, "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode tests = step(run.json(), "older-release tests");
        assertEquals("passed", tests.get("status").asText(), run::toString);
        assertTrue(tests.get("details").asText().contains("4 tests"), tests.toString());
    }

    @Test
    void verifyCommandAloneFollowsTheDatabase() {
        CliRun run = CliRun.of("verify", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "embedded", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("verify", report.get("command").asText());
        assertEquals("NO_GO", report.get("verdict").asText());
        assertEquals(0, report.get("findings").size(), "the dynamic part alone");
        assertEquals("embedded", report.get("verification").get("mode").asText());
    }

    private static Path copyShop(Path dir, int lastVersion) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of(SHOP, "db", "migration"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("V") && Integer.parseInt(name.substring(1, name.indexOf("__"))) <= lastVersion) {
                    Files.copy(f, dir.resolve(name));
                }
            }
        }
        return dir;
    }

    static JsonNode step(JsonNode report, String name) {
        for (JsonNode s : report.get("verification").get("steps")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name + " in " + report.get("verification"));
    }
}
