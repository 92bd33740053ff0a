package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** End to end: the README's commands on sample-migrations/, asserting verdicts, rules, files and lines. */
class SampleCommandsTest {
    static final String SHOP = "sample-migrations/shop";
    static final String INVENTORY = "sample-migrations/inventory-mysql";

    @Test
    void renameInPlaceIsNoGo() {
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("NO_GO", report.get("verdict").asText());
        assertEquals("can-rollback", report.get("command").asText());
        assertEquals("v1.3.0", report.get("from").asText());
        assertEquals("v1.2.9", report.get("to").asText());
        assertEquals("postgresql", report.get("dialect").asText());
        JsonNode bc102 = only(report, "BC102");
        assertEquals("db/migration/V6__rename_customer_name.sql", bc102.get("file").asText());
        assertEquals(4, bc102.get("line").asInt());
        assertEquals("customers.name", bc102.get("object").asText());
        assertEquals("error", bc102.get("severity").asText());
        assertEquals("backward-compatibility", bc102.get("category").asText());
        assertTrue(bc102.get("statement").asText().startsWith("ALTER TABLE customers RENAME COLUMN name"));
        assertFalse(bc102.get("fix").asText().isBlank());
        assertEquals(List.of("6"), ids(report, "new"));
        assertTrue(strategy(report, "app-only").get("feasible").asBoolean() == false);
        assertTrue(strategy(report, "down-migrations").get("feasible").asBoolean());
    }

    @Test
    void expandContractWithViewIsGo() {
        CliRun run = CliRun.of("can-rollback", "v1.3.1", "v1.3.0", "--project", SHOP, "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("GO", report.get("verdict").asText());
        assertEquals(List.of(), ruleIds(report, "backward-compatibility"));
        assertEquals(List.of("7", "8"), ids(report, "new"));
        // the down of V8 drops a column that holds data written since the deploy
        JsonNode rb302 = only(report, "RB302");
        assertEquals("db/migration/U8__add_order_note.sql", rb302.get("file").asText());
        assertEquals(1, rb302.get("line").asInt());
        assertTrue(strategy(report, "app-only").get("feasible").asBoolean());
    }

    @Test
    void textReportOnStdoutByDefault() {
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("NO_GO"), run::toString);
        assertTrue(run.out().contains("BC102 rename-column  db/migration/V6__rename_customer_name.sql:4"), run::toString);
        assertFalse(run.out().contains("\u001b["), "no colour when stdout is not a terminal");
    }

    @Test
    void analyzeDirectoryReportsEachMigrationAgainstItsHistory() {
        CliRun run = CliRun.of("analyze", SHOP + "/db/migration", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("analyze", report.get("command").asText());
        JsonNode bc102 = only(report, "BC102");
        assertEquals(SHOP + "/db/migration/V6__rename_customer_name.sql", bc102.get("file").asText());
        assertEquals(4, bc102.get("line").asInt());
        // V7's rename is covered by its compatibility view
        assertEquals(List.of("BC102"), ruleIds(report, "backward-compatibility"));
        assertEquals(0, report.get("summary").get("unparsed").asInt());
    }

    @Test
    void analyzeOneFileUsesTheHistoryBeforeIt() {
        CliRun run = CliRun.of("analyze", SHOP + "/db/migration/V6__rename_customer_name.sql", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(List.of("BC102"), ruleIds(run.json(), "backward-compatibility"));
        assertEquals(List.of("LK608"), ruleIds(run.json(), "locking"), "the rename runs without a lock_timeout");
        assertEquals(2, run.json().get("findings").size(), run::toString);
    }

    @Test
    void mysqlSampleNarrowingAndChangeColumnRename() {
        CliRun run = CliRun.of("can-rollback", "v2.1.0", "v2.0.0", "--project", INVENTORY, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("mysql", report.get("dialect").asText());
        JsonNode bc105 = only(report, "BC105");
        assertEquals("migrations/000003_narrow_price.up.sql", bc105.get("file").asText());
        assertEquals(2, bc105.get("line").asInt());
        assertEquals("items.price", bc105.get("object").asText());
        assertEquals(2, only(report, "DL202").get("line").asInt());
        JsonNode bc102 = only(report, "BC102");
        assertEquals("migrations/000004_rename_qty.up.sql", bc102.get("file").asText());
        assertEquals(2, bc102.get("line").asInt());
        assertEquals("items.qty", bc102.get("object").asText());
    }

    @Test
    void mysqlAdditiveReleaseIsGo() {
        CliRun run = CliRun.of("can-rollback", "v2.1.1", "v2.1.0", "--project", INVENTORY, "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("GO", run.json().get("verdict").asText());
    }

    @Test
    void directoriesAsReleases(@TempDir Path tmp) throws Exception {
        Path older = tmp.resolve("old");
        Path newer = tmp.resolve("new");
        Files.createDirectories(older);
        Files.createDirectories(newer);
        Files.writeString(older.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, name text);\n");
        Files.writeString(newer.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, name text);\n");
        Files.writeString(newer.resolve("V2__drop.sql"), "-- cleanup\nALTER TABLE users DROP COLUMN name;\n");
        CliRun run = CliRun.of("can-rollback", "--from-dir", newer.toString(), "--to-dir", older.toString(),
                "--project", tmp.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode bc104 = only(run.json(), "BC104");
        assertEquals("new/V2__drop.sql", bc104.get("file").asText());
        assertEquals(2, bc104.get("line").asInt());
        assertEquals("users.name", bc104.get("object").asText());
    }

    @Test
    void everyFormatIntoOutputDirectory(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("reports");
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--format", "json",
                "--format", "text", "--output", out.toString());
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("migsafe-report.json")));
        assertEquals("NO_GO", json.get("verdict").asText());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertTrue(Files.readString(out.resolve("migsafe-report.txt")).contains("BC102"));
        assertTrue(run.out().contains("migsafe-report.json"), run::toString);
    }

    @Test
    void rulesCatalogAndOneRule() {
        CliRun all = CliRun.of("rules");
        assertEquals(0, all.exitCode(), all::toString);
        for (String id : List.of("BC101", "BC110", "DL201", "DL203", "RB301", "RB304", "HS401", "HS402", "PS501")) {
            assertTrue(all.out().contains(id), id + " missing from the catalog:\n" + all.out());
        }
        CliRun one = CliRun.of("rules", "BC102");
        assertEquals(0, one.exitCode(), one::toString);
        assertTrue(one.out().contains("rename-column"), one::toString);
        assertTrue(one.out().toLowerCase().contains("view"), "the page explains the compatibility view");
    }

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.of("--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.out().startsWith("migsafe 0.1.0"), v::toString);
        CliRun h = CliRun.of("can-rollback", "--help");
        assertEquals(0, h.exitCode());
        assertTrue(h.out().contains("--from-dir"), h::toString);
    }

    static JsonNode only(JsonNode report, String ruleId) {
        List<JsonNode> hits = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                hits.add(f);
            }
        });
        assertEquals(1, hits.size(), "expected exactly one " + ruleId + " in " + report.get("findings").toPrettyString());
        return hits.get(0);
    }

    static List<String> ruleIds(JsonNode report, String category) {
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("category").asText().equals(category) && !f.get("suppressed").asBoolean()) {
                ids.add(f.get("ruleId").asText());
            }
        });
        return ids;
    }

    static List<String> ids(JsonNode report, String status) {
        List<String> ids = new ArrayList<>();
        report.get("migrations").forEach(m -> {
            if (m.get("status").asText().equals(status)) {
                ids.add(m.get("id").asText());
            }
        });
        return ids;
    }

    static JsonNode strategy(JsonNode report, String name) {
        for (JsonNode s : report.get("strategies")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no strategy " + name);
    }
}
