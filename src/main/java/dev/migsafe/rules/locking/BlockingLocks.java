package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;

/**
 * The table whose lock a change must wait for in a way that blocks the application: PostgreSQL's
 * ACCESS EXCLUSIVE (ALTER TABLE, DROP, TRUNCATE, VACUUM FULL, CLUSTER, REINDEX ...) or SHARE
 * (CREATE INDEX) locks, MySQL's exclusive metadata lock. While such a statement waits for a long
 * transaction, every query on the table queues behind it.
 */
final class BlockingLocks {

    private BlockingLocks() {
    }

    /** The table locked, "" when the statement locks something it does not name, or null for no such lock. */
    static String table(Change change) {
        if (change instanceof Change.AddColumn c) return c.table();
        if (change instanceof Change.DropColumn c) return c.table();
        if (change instanceof Change.RenameColumn c) return c.table();
        if (change instanceof Change.AlterColumnType c) return c.table();
        if (change instanceof Change.RedefineColumn c) return c.table();
        if (change instanceof Change.SetNotNull c) return c.table();
        if (change instanceof Change.DropNotNull c) return c.table();
        if (change instanceof Change.SetDefault c) return c.table();
        if (change instanceof Change.DropDefault c) return c.table();
        if (change instanceof Change.AddConstraint c) return c.table();
        if (change instanceof Change.DropConstraint c) return c.table();
        if (change instanceof Change.RenameConstraint c) return c.table();
        if (change instanceof Change.RenameTable c) return c.from();
        if (change instanceof Change.DropTable c) return c.table();
        if (change instanceof Change.CreateIndex c) return c.concurrently() ? null : c.table();
        if (change instanceof Change.DropIndex c) return c.concurrently() ? null : c.table() != null ? c.table() : "";
        if (change instanceof Change.DataChange c && c.kind() == Change.DataChange.Kind.TRUNCATE) {
            return c.target();
        }
        if (change instanceof Change.Other o) {
            String kind = o.kind();
            if (kind.startsWith("ALTER TABLE ALGORITHM") || kind.startsWith("ALTER TABLE LOCK")) {
                return null; // options of a statement whose actions are judged on their own
            }
            if (kind.startsWith("ALTER TABLE") || kind.equals("LOCK TABLE") || kind.equals("CREATE TRIGGER")
                    || kind.equals("DROP TRIGGER")) {
                return o.target();
            }
            if (kind.equals("VACUUM FULL") || kind.equals("CLUSTER") || kind.equals("REINDEX")) {
                return o.target();
            }
        }
        return null;
    }
}
