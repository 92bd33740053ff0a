package dev.migsafe.report;

import java.util.List;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.report.Report.MigrationEntry;
import dev.migsafe.report.Report.SchemaChange;
import dev.migsafe.report.Report.StepEntry;
import dev.migsafe.verdict.Strategy;

/**
 * Hand-built reports for the golden and schema tests: fixed content, independent of how rules word
 * their messages, covering what writers must get right (blocking and non-blocking findings,
 * suppressed and baselined ones, a finding without a statement, characters each format must escape).
 */
final class SampleReports {

    private SampleReports() {
    }

    static Report noGo() {
        List<FindingEntry> findings = List.of(
                finding("RB302", "lossy-down", "rollback", "warning", "db/migration/U8__add_order_note.sql", 1,
                        "order_records.note", "ALTER TABLE order_records DROP COLUMN note",
                        "the down drops column order_records.note: values written since the deploy are lost",
                        "Copy the data away before running the down.", false, null, false, false),
                finding("BC102", "rename-column", "backward-compatibility", "error",
                        "db/migration/V6__rename_customer_name.sql", 4, "customers.name",
                        "ALTER TABLE customers RENAME COLUMN name TO full_name",
                        "the older release still reads customers.name: 100% of its queries on it fail, e.g. "
                                + "'column \"name\" does not exist'\nsecond line, with a comma: and a colon",
                        "Expand/contract: add full_name, dual-write, move readers, drop name later; or a view <customers_v1>.",
                        false, null, false, true),
                finding("BC104", "drop-column", "backward-compatibility", "error",
                        "db/migration/V7__drop_legacy.sql", 2, "customers.fax", "ALTER TABLE customers DROP COLUMN fax",
                        "the older release still writes customers.fax", "Stop using the column first.", true,
                        "fax unused since v1.1 (#482)", false, false),
                finding("DL203", "unbounded-dml", "data-loss", "warning", "db/migration/V7__drop_legacy.sql", 5,
                        "audit_log", "DELETE FROM audit_log", "DELETE without WHERE empties audit_log",
                        "Add a WHERE clause | or batch it *carefully*.", false, null, true, false),
                finding("RB301", "missing-down", "rollback", "info", "db/migration/V7__drop_legacy.sql", 0, "", "",
                        "V7 has no down migration", "Write U7__drop_legacy.sql.", false, null, false, false));
        List<MigrationEntry> migrations = List.of(
                new MigrationEntry("5", "db/migration/V5__add_customer_phone.sql", "unchanged", false, "sha256:05", null),
                new MigrationEntry("6", "db/migration/V6__rename_customer_name.sql", "new", true, "sha256:06",
                        "db/migration/U6__rename_customer_name.sql"),
                new MigrationEntry("7", "db/migration/V7__drop_legacy.sql", "new", false, "sha256:07", null),
                new MigrationEntry("8", "db/migration/V8__add_order_note.sql", "new", true, "sha256:08",
                        "db/migration/U8__add_order_note.sql"));
        List<Strategy> strategies = List.of(
                new Strategy("app-only", false, "none", "The older release cannot run on the new schema: it still uses customers.name."),
                new Strategy("down-migrations", false, "none", "No down migration for db/migration/V7__drop_legacy.sql."),
                new Strategy("restore", true, "certain", "Every row written since the restore point is lost (tables: customers)."),
                new Strategy("roll-forward", true, "none", "Ship a fix that restores customers.name (BC102)."));
        List<SchemaChange> changes = List.of(
                new SchemaChange("column", "renamed", "customers.full_name", "name", "full_name"),
                new SchemaChange("column", "removed", "customers.fax", "varchar(20)", null),
                new SchemaChange("column", "added", "order_records.note", null, "text"),
                new SchemaChange("column", "type-changed", "customers.phone", "varchar(20)", "varchar(40)"),
                new SchemaChange("table", "renamed", "order_records", "orders", "order_records"),
                new SchemaChange("view", "added", "orders", null, "view (id, total_cents)"));
        Report.VerificationEntry verification = new Report.VerificationEntry("embedded", "PostgreSQL 16.4", List.of(
                new StepEntry("apply v1.3.1 migrations", "passed", 1200, "8 migrations applied", null),
                new StepEntry("old-version tests", "failed", 35400, "3 of 120 tests failed",
                        List.of("CustomerRepositoryTest.findByName: column \"name\" does not exist")),
                new StepEntry("rehearse down migrations", "skipped", 0, "V7 has no down", null)));
        return new Report(1, new Report.Tool("migsafe", "0.1.0"), "can-rollback", "v1.3.1", "v1.2.9", "postgresql",
                "NO_GO", new Report.Summary(1, 1, 1, 12, 0, 1, 1), migrations, findings, verification, strategies,
                changes, "migsafe-baseline.json", List.of("1 finding(s) recorded in migsafe-baseline.json are reported as baselined"));
    }

    static Report go() {
        return new Report(1, new Report.Tool("migsafe", "0.1.0"), "analyze", null, null, "mysql", "GO",
                new Report.Summary(0, 0, 0, 3, 0, 0, 0),
                List.of(new MigrationEntry("000005", "migrations/000005_add_item_notes.up.sql", "new", true, "sha256:5",
                        "migrations/000005_add_item_notes.down.sql")),
                List.of(), null, null, null, null, null);
    }

    static FindingEntry finding(String id, String name, String category, String severity, String file, int line,
                                String object, String statement, String message, String fix, boolean suppressed,
                                String reason, boolean baselined, boolean blocking) {
        return new FindingEntry(id, name, category, severity, file, line, object, statement, message, fix, suppressed,
                reason, baselined, blocking, dev.migsafe.baseline.Fingerprint.of(id, file, object, statement));
    }
}
