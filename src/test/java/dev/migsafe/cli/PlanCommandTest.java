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

import dev.migsafe.test.UsesDatabase;

/** {@code migsafe plan} on the samples, without a history URL. */
class PlanCommandTest {
    static final String SHOP = SampleCommandsTest.SHOP;
    static final String INVENTORY = SampleCommandsTest.INVENTORY;

    @Test
    void strategiesAgreeWithCanRollback() {
        for (String[] range : List.of(new String[]{SHOP, "v1.3.0", "v1.2.9"}, new String[]{SHOP, "v1.3.1", "v1.3.0"},
                new String[]{SHOP, "v1.3.1", "v1.2.9"}, new String[]{INVENTORY, "v2.1.0", "v2.0.0"},
                new String[]{INVENTORY, "v2.1.1", "v2.1.0"})) {
            CliRun check = CliRun.of("can-rollback", "--verify", "none", range[1], range[2], "--project", range[0], "--format", "json");
            CliRun plan = CliRun.of("plan", range[1], range[2], "--project", range[0], "--format", "json");
            assertEquals(check.exitCode(), plan.exitCode(), plan::toString);
            JsonNode a = check.json().get("strategies");
            JsonNode b = plan.json().get("strategies");
            assertEquals(4, b.size());
            for (int i = 0; i < a.size(); i++) {
                for (String field : List.of("name", "feasible", "dataLoss", "notes")) {
                    assertEquals(a.get(i).get(field), b.get(i).get(field), range[1] + "->" + range[2] + " " + field);
                }
                assertFalse(a.get(i).has("steps"), "can-rollback keeps the contract fields only");
                assertTrue(b.get(i).get("steps").size() > 0, "plan gives steps for " + b.get(i).get("name"));
            }
            assertEquals("plan", plan.json().get("command").asText());
        }
    }

    /** With --verify the plan carries what the database proved: the broken contract, the rehearsed downs. */
    @Test
    @UsesDatabase
    void verifiedPlanSaysWhatTheDatabaseProved(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "embedded",
                "--format", "json,markdown", "--output", out.toString());
        assertEquals(1, run.exitCode(), run::toString);
        String runbook = Files.readString(out.resolve("migsafe-plan.md"));
        assertTrue(runbook.contains("The verification on PostgreSQL") && runbook.contains("- older-release contract: "),
                runbook);
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("migsafe-plan.json").toFile());
        assertEquals("embedded", json.get("verification").get("mode").asText(), json::toString);
        String appOnly = strategy(json, "app-only").get("notes").asText();
        assertTrue(appOnly.contains("customers.name (proved on PostgreSQL") && appOnly.contains("by older-release contract: SELECT"),
                appOnly);
        assertEquals("proved", strategy(json, "app-only").get("evidence").get(0).get("basis").asText(), appOnly);
        String downs = strategy(json, "down-migrations").get("notes").asText();
        assertTrue(downs.contains("Rehearsed on PostgreSQL") && downs.contains("gave back the older schema"), downs);
        // without --verify a plan stays a document: no database is started
        CliRun plain = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP, "--format", "json");
        assertEquals("none", plain.json().get("verification").get("mode").asText(), plain::toString);
    }

    @Test
    void shopRenameIsUndoneByItsUFileWithFlywayAndPsql() {
        CliRun run = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        List<String> downs = commands(run.json(), "down-migrations");
        assertEquals(List.of(
                "pg_dump --format=custom --table=customers --file=migsafe-before-down-v1.3.0.dump \"$DATABASE_URL\"",
                "pg_restore --list migsafe-before-down-v1.3.0.dump",
                "flyway info\nflyway undo -cherryPick=6\nflyway info",
                "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 <<'SQL'\nBEGIN;\n\\i db/migration/U6__rename_customer_name.sql\n"
                        + "DELETE FROM flyway_schema_history WHERE version IN ('6');\nCOMMIT;\nSQL",
                "psql \"$DATABASE_URL\" -c '\\d customers'",
                "curl --fail --silent --show-error \"$APP_URL\"/health",
                "pg_restore --no-owner --no-privileges --exit-on-error --dbname=\"$SIDE_DATABASE_URL\" migsafe-before-down-v1.3.0.dump"),
                downs);
        JsonNode down = strategy(run.json(), "down-migrations");
        assertEquals("none", down.get("dataLoss").asText());
        assertTrue(titles(run.json(), "down-migrations").stream().anyMatch(t -> t.contains("not in the open-source edition")));
        // roll forward: the old name served again through a view, written into a new migration
        List<String> forward = commands(run.json(), "roll-forward");
        assertEquals(List.of("cat >> \"$FIX_MIGRATION\" <<'SQL'\nALTER TABLE customers RENAME TO customers_v2;\n"
                + "CREATE VIEW customers AS SELECT id, email, full_name, created_at, phone, full_name AS name FROM customers_v2;\nSQL"),
                forward);
        // restore: the older column names, followed through the rename
        String copyCustomers = commands(run.json(), "restore").stream().filter(c -> c.contains("since-customers.csv"))
                .findFirst().orElseThrow();
        assertTrue(copyCustomers.contains("SELECT id, email, full_name, created_at, phone FROM customers"), copyCustomers);
        assertTrue(copyCustomers.contains("INSERT INTO customers (id, email, name, created_at, phone)"), copyCustomers);
    }

    @Test
    void lossyDownIsNamedAndRecommendationFollowsSeverity() {
        CliRun run = CliRun.of("plan", "v1.3.1", "v1.3.0", "--project", SHOP, "--format", "markdown");
        assertEquals(0, run.exitCode(), run::toString);
        String md = run.out();
        assertTrue(md.contains("## 1. app-only (recommended)"), md);
        assertTrue(md.contains("- [ ] Data loss: db/migration/U8__add_order_note.sql:1"), md);
        assertTrue(md.contains("--table=order_records"), md);
        assertTrue(md.contains("| down-migrations | yes | certain |"), md);
    }

    @Test
    void inventoryUsesGolangMigrateAndMysqlClients() {
        CliRun run = CliRun.of("plan", "v2.1.0", "v2.0.0", "--project", INVENTORY, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        List<String> downs = commands(run.json(), "down-migrations");
        assertTrue(downs.contains("migrate -path migrations -database \"mysql://$MIGRATE_DSN\" down 2"), downs.toString());
        assertTrue(downs.contains("mysqldump --single-transaction --skip-lock-tables --no-tablespaces \"$MYSQL_DATABASE\" items"
                + " > migsafe-before-down-v2.1.0.sql"), downs.toString());
        assertTrue(downs.stream().anyMatch(c -> c.contains("source migrations/000004_rename_qty.down.sql;\n"
                + "source migrations/000003_narrow_price.down.sql;\nUPDATE schema_migrations SET version = 2, dirty = 0;")),
                downs.toString());
        List<String> restore = commands(run.json(), "restore");
        assertTrue(restore.stream().anyMatch(c -> c.startsWith("TZ=UTC mysqlbinlog --start-position=\"$BINLOG_POSITION\""
                + " --stop-datetime='YYYY-MM-DD HH:MM:SS'")), restore.toString());
        // items.qty was renamed to quantity: the copy back says which columns to use
        assertTrue(titles(run.json(), "restore").stream().anyMatch(t -> t.contains("items") && t.contains("qty")),
                titles(run.json(), "restore").toString());
    }

    @Test
    void beforeDeployCreatesARestorePointAndFindsTheRollbackFloor(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("plan", "v1.3.1", "v1.2.9", "--project", SHOP, "--before-deploy", "--format", "markdown,html",
                "--output", dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        String md = Files.readString(dir.resolve("migsafe-plan.md"));
        assertTrue(md.contains("## Before the deploy of v1.3.1"), md);
        assertTrue(md.contains("SELECT pg_create_restore_point('migsafe-before-v1.3.1');"), md);
        // v1.3.0 runs on v1.3.1's schema (expand/contract), v1.2.9 does not
        assertTrue(md.contains("the oldest release that can still run on the schema is v1.3.0 (checked: v1.3.0 GO, v1.2.9 NO_GO)"), md);
        String html = Files.readString(dir.resolve("migsafe-plan.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<input type=\"checkbox\"> Create a named restore point"), html);
        assertTrue(html.contains("pg_create_restore_point(&#39;") || html.contains("pg_create_restore_point('migsafe-before-v1.3.1')"));
        assertTrue(html.contains("<h2>Incident report</h2>"), html);
        assertTrue(run.out().contains("runbook written:"), run.out());
    }

    @Test
    void beforeDeployBacksUpWhatTheRangeDestroys() {
        CliRun run = CliRun.of("plan", "v2.1.0", "v2.0.0", "--project", INVENTORY, "--before-deploy");
        String md = run.out();
        assertTrue(md.contains("Back up the tables whose data the range drops or rewrites: items (redefines column price as"), md);
        assertTrue(md.contains("FLUSH BINARY LOGS;"), md);
        assertTrue(md.contains("after this deploy no older release can run on the schema (checked: v2.0.0 NO_GO)"), md);
    }

    @Test
    void runbookHasTheChecklistDecisionAndIncidentTemplate() {
        CliRun run = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP, "--severity", "critical");
        String md = run.out();
        assertTrue(md.startsWith("# Rollback runbook: v1.3.0 → v1.2.9"), md);
        assertTrue(md.contains("## Decision (incident severity: critical)"), md);
        assertTrue(md.contains("Recommended: down-migrations"), md);
        assertTrue(md.contains("| Time (UTC) | Event | Who |"), md);
        assertTrue(md.contains("- **Root cause:**"), md);
        assertTrue(md.contains("recovery_target_time = 'YYYY-MM-DD HH:MM:SS+00'"), md);
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun severity = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP, "--severity", "apocalyptic");
        assertEquals(2, severity.exitCode());
        assertTrue(severity.err().contains("--severity apocalyptic: use low, high or critical"), severity.err());
        CliRun format = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP, "--format", "sarif");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("--format sarif: unknown format; use one of text, markdown, html, json"), format.err());
        CliRun swapped = CliRun.of("plan", "v1.2.9", "v1.3.0", "--project", SHOP);
        assertEquals(2, swapped.exitCode());
        assertTrue(swapped.err().contains("try plan v1.3.0 v1.2.9"), swapped.err());
    }

    @Test
    void anUnreachableHistoryNeverShowsThePassword() {
        CliRun run = CliRun.of("plan", "v1.3.0", "v1.2.9", "--project", SHOP,
                "--history-url", "jdbc:postgresql://127.0.0.1:1/shop?user=ro&password=hunter2&connectTimeout=2");
        assertEquals(2, run.exitCode(), run::toString);
        assertFalse(run.out().contains("hunter2") || run.err().contains("hunter2"), run.toString());
        assertTrue(run.err().contains("password=****"), run.err());
    }

    static JsonNode strategy(JsonNode report, String name) {
        for (JsonNode s : report.get("strategies")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no strategy " + name);
    }

    static List<String> commands(JsonNode report, String name) {
        List<String> out = new ArrayList<>();
        strategy(report, name).get("steps").forEach(s -> {
            if (s.has("command")) {
                out.add(s.get("command").asText());
            }
        });
        return out;
    }

    static List<String> titles(JsonNode report, String name) {
        List<String> out = new ArrayList<>();
        strategy(report, name).get("steps").forEach(s -> out.add(s.get("title").asText()));
        return out;
    }
}
