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

import dev.migsafe.test.UsesDatabase;

/**
 * The lock trace on embedded PostgreSQL: each statement's measured locks in the JSON report, LK findings
 * confirmed by them, and a write-blocking statement no rule predicted reported as LK614.
 */
@UsesDatabase
class LockTraceCliTest {

    @TempDir
    Path project;

    private CliRun canRollback(String range, String config) throws IOException {
        Path older = Files.createDirectories(project.resolve("old"));
        Path newer = Files.createDirectories(project.resolve("new"));
        String v1 = "CREATE TABLE orders (id int PRIMARY KEY, total numeric(10,2), note text);\n"
                + "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n";
        Files.writeString(older.resolve("V1__t.sql"), v1);
        Files.writeString(newer.resolve("V1__t.sql"), v1);
        Files.writeString(newer.resolve("V2__x.sql"), range);
        if (config != null) {
            Files.writeString(project.resolve("migsafe.yaml"), config);
        }
        return CliRun.of("can-rollback", "new", "old", "--project", project.toString(), "--from-dir", newer.toString(),
                "--to-dir", older.toString(), "--verify", "embedded", "--format", "json");
    }

    private static JsonNode finding(JsonNode report, String ruleId) {
        return finding(report, ruleId, 0);
    }

    /** The first finding of the rule, at {@code line} (0: at any line), or null. */
    private static JsonNode finding(JsonNode report, String ruleId, int line) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId) && (line == 0 || f.get("line").asInt() == line)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void eachStatementsLocksAreMeasuredAndJudgeTheLockRules() throws IOException {
        JsonNode report = canRollback("CREATE INDEX orders_total ON orders (total);\n"
                + "ALTER TABLE orders ALTER COLUMN id TYPE bigint;\n"
                + "CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();\n"
                + "SELECT 1;\n", null).json();

        JsonNode locks = report.get("verification").get("locks");
        assertEquals(4, locks.size(), locks::toString);
        // CREATE INDEX: SHARE on orders blocks writes, not reads
        assertEquals("SHARE", locks.get(0).get("locks").get(0).get("mode").asText(), locks::toString);
        assertEquals("[\"write\"]", locks.get(0).get("blocks").toString());
        // a type change that rewrites: ACCESS EXCLUSIVE, blocks reads and writes, relfilenode changed
        JsonNode retype = locks.get(1);
        assertTrue(retype.get("rewrite").asBoolean(), retype::toString);
        assertTrue(retype.get("blocks").toString().contains("select"), retype::toString);
        assertTrue(retype.get("locks").toString().contains("ACCESS EXCLUSIVE"), retype::toString);
        assertFalse(locks.get(3).get("blocks").toString().contains("write"), locks::toString);

        // the index rule is confirmed by the measurement
        JsonNode lk = finding(report, "LK601");
        assertTrue(lk != null && lk.get("message").asText().contains("[confirmed on PostgreSQL"), report::toString);
        // CREATE TRIGGER takes SHARE ROW EXCLUSIVE, which no rule predicts: LK614 with the measurement
        JsonNode measured = finding(report, "LK614");
        assertTrue(measured != null && measured.get("line").asInt() == 3
                && measured.get("message").asText().contains("SHARE ROW EXCLUSIVE on orders"), report::toString);
        assertEquals("warning", measured.get("severity").asText());
    }

    @Test
    void aMomentsLockUnderAShortLockTimeoutIsInfoAndARewriteStaysAWarning() throws IOException {
        JsonNode report = canRollback("SET lock_timeout = '5s';\n"
                + "ALTER TABLE orders SET UNLOGGED;\n"
                + "CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();\n", null).json();
        // SET UNLOGGED rewrites the table under ACCESS EXCLUSIVE: however short the timeout, writes wait for the copy
        JsonNode unlogged = finding(report, "LK614", 2);
        assertTrue(unlogged != null && unlogged.get("severity").asText().equals("warning")
                && unlogged.get("message").asText().contains("rewrites the table"), report::toString);
        // the trigger's SHARE ROW EXCLUSIVE lasts a moment, the 5 s lock timeout bounds its wait, and the migration
        // commits right after it (LockEvidenceTest: held through a later statement, it is a warning)
        JsonNode trigger = finding(report, "LK614", 3);
        assertTrue(trigger != null && trigger.get("severity").asText().equals("info")
                && trigger.get("message").asText().contains("lock timeout 5s, nothing after it before the commit"),
                report::toString);
    }

    @Test
    void aLockItsTransactionHoldsAlreadyCountsForTheStatementThatNeedsItAgain() throws IOException {
        JsonNode report = canRollback("CREATE INDEX orders_a ON orders (total);\nCREATE INDEX orders_b ON orders (note);\n"
                + "ALTER TABLE orders ADD COLUMN s text;\nALTER TABLE orders ADD COLUMN t text;\n", null).json();
        // the second index needs the SHARE lock the first took: its LK601 is confirmed, not "not observed"
        JsonNode second = report.get("verification").get("locks").get(1);
        assertEquals("{\"mode\":\"SHARE\",\"relation\":\"orders\",\"held\":true}", second.get("locks").get(0).toString(),
                second::toString);
        assertEquals("[\"write\"]", second.get("blocks").toString(), second::toString);
        JsonNode secondIndex = finding(report, "LK601", 2);
        assertTrue(secondIndex != null && secondIndex.get("message").asText().contains("[confirmed on PostgreSQL")
                && secondIndex.get("message").asText().contains("(held since an earlier statement"), report::toString);
        // the second ADD COLUMN needs the ACCESS EXCLUSIVE the first took (and was reported for): no LK614 of its own
        assertEquals(null, finding(report, "LK614", 4), report::toString);
        assertEquals("ACCESS EXCLUSIVE", report.get("verification").get("locks").get(3).get("locks").get(0).get("mode").asText());
    }

    @Test
    void aStatementItsToolRunsWithoutATransactionHoldsItsLockOnlyWhileItRuns() throws IOException {
        // Flyway runs a file with CREATE INDEX CONCURRENTLY without a transaction: the ALTER after it commits at once
        JsonNode report = canRollback("CREATE INDEX CONCURRENTLY orders_note ON orders (note);\n"
                + "ALTER TABLE orders ADD COLUMN status text;\n", null).json();
        String messages = report.get("findings").toString();
        assertTrue(messages.contains("ACCESS EXCLUSIVE on orders; blocks select, write while it runs"), messages);
        assertFalse(messages.contains("until its migration commits") || messages.contains("wait until migration"), messages);
    }

    @Test
    void aFindingIsConfirmedOnlyWhenTheDatabaseShowsWhatItsRulePredicts() throws IOException {
        JsonNode report = canRollback("ALTER TABLE orders ALTER COLUMN total SET NOT NULL;\n"
                + "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);\n", null).json();
        // LK604 predicts a read of the whole table under the lock: measured (seq_scan in the transaction)
        JsonNode setNotNull = report.get("verification").get("locks").get(0);
        assertTrue(setNotNull.get("scan").asBoolean(), setNotNull::toString);
        assertEquals("0", setNotNull.get("lockTimeout").asText(), setNotNull::toString);
        JsonNode lk604 = finding(report, "LK604");
        assertTrue(lk604 != null && lk604.get("message").asText().contains("[confirmed on PostgreSQL")
                && lk604.get("message").asText().contains("reads the whole table under its lock"), report::toString);
        // no lock timeout was set: LK608's claim is measured too
        JsonNode lk608 = finding(report, "LK608");
        assertTrue(lk608 != null && lk608.get("message").asText().contains("[confirmed")
                && lk608.get("message").asText().contains("no lock timeout"), report::toString);
    }

    @Test
    void aConcurrentIndexInsideTheScriptsOwnTransactionIsMeasuredRefusedAndItsCommitIsNotRun() throws IOException {
        JsonNode report = canRollback("BEGIN;\nCREATE INDEX CONCURRENTLY orders_note ON orders (note);\nCOMMIT;\n"
                + "ALTER TABLE orders ADD COLUMN status text;\n", null).json();
        JsonNode locks = report.get("verification").get("locks");
        assertTrue(locks.get(0).get("note").asText().startsWith("transaction control"), locks::toString);
        assertTrue(locks.get(1).get("note").asText().contains("the transaction opened by BEGIN on line 1: the deploy fails here"),
                locks::toString);
        JsonNode lk602 = finding(report, "LK602");
        assertTrue(lk602 != null && lk602.get("message").asText().contains("[confirmed on PostgreSQL"), report::toString);
        // the script's COMMIT was not sent: the ALTER after it was measured in the trace's transaction, which
        // was rolled back (the column does not exist when apply range runs it)
        assertEquals("ACCESS EXCLUSIVE", locks.get(3).get("locks").get(0).get("mode").asText(), locks::toString);
        JsonNode apply = VerifiedSampleTest.step(report, "apply range");
        assertFalse(apply.toString().contains("already exists"), apply::toString);
    }

    @Test
    void aRangeThatChangesTheServerIsTracedWithoutCommitting() throws IOException {
        JsonNode report = canRollback("CREATE ROLE migsafe_reporting;\nALTER TABLE orders ADD COLUMN status text;\n",
                null).json();
        // a role committed on the copy would stay on the server, and apply range would find it there
        assertTrue(VerifiedSampleTest.step(report, "lock trace").get("details").asText().contains("rolled back"),
                report::toString);
        assertEquals("passed", VerifiedSampleTest.step(report, "apply range").get("status").asText(), report::toString);
    }

    @Test
    void setTransactionsOwnSqlState25001IsNotARefusalInsideATransaction() throws IOException {
        JsonNode report = canRollback("BEGIN;\nSET TRANSACTION ISOLATION LEVEL SERIALIZABLE;\n"
                + "ALTER TABLE orders ADD COLUMN status text;\nCOMMIT;\n", null).json();
        JsonNode setTransaction = report.get("verification").get("locks").get(1);
        assertTrue(setTransaction.get("note").asText().startsWith("failed in the trace"), setTransaction::toString);
        assertTrue(finding(report, "LK602") == null, report::toString);
    }

    @Test
    void theTraceLeavesTheDatabaseAsItWasAndCanBeTurnedOff() throws IOException {
        JsonNode report = canRollback("ALTER TABLE orders ADD COLUMN status text;\n", "verify:\n  lock-trace: false\n").json();
        assertFalse(report.get("verification").has("locks"), report::toString);
        assertTrue(report.get("verification").get("steps").toString().contains("apply range"));
        assertFalse(report.get("verification").get("steps").toString().contains("lock trace"));

        // with the trace on, apply range still finds the older schema (the trace rolled everything back)
        Files.delete(project.resolve("migsafe.yaml"));
        JsonNode traced = canRollback("ALTER TABLE orders ADD COLUMN status text;\n", null).json();
        JsonNode apply = VerifiedSampleTest.step(traced, "apply range");
        assertEquals("passed", apply.get("status").asText(), apply::toString);
        assertEquals("passed", VerifiedSampleTest.step(traced, "lock trace").get("status").asText());
    }
}
