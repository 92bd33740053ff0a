package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Index;
import dev.migsafe.dialect.Dialect;

/**
 * PostgreSQL: CREATE INDEX takes a SHARE lock (writes wait for the whole build) and DROP INDEX an
 * ACCESS EXCLUSIVE lock on the table; the CONCURRENTLY forms do not block writes.
 */
@LockClaim(LockClaim.Shows.WRITE_BLOCKING_LOCK)
@RuleInfo(id = IndexWithoutConcurrentlyRule.ID, name = "index-without-concurrently", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "An index is created or dropped without CONCURRENTLY on a table that already exists.",
        fix = "Use CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY, in a migration of its own that runs outside a "
                + "transaction (Flyway: a V..sql.conf with executeInTransaction=false).",
        dialects = Dialect.POSTGRESQL)
public final class IndexWithoutConcurrentlyRule implements Rule {
    public static final String ID = "LK601";

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.change() instanceof Change.CreateIndex c && !c.concurrently() && ExistingTables.existed(ctx, c.table())) {
            ctx.report(c.table(), "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX" + named(c.name()) + " on "
                    + c.table() + " takes a SHARE lock: every INSERT, UPDATE and DELETE on " + c.table()
                    + " waits until the whole index is built");
        } else if (ctx.change() instanceof Change.DropIndex c && !c.concurrently()) {
            Index index = ctx.before().indexes().get(c.name());
            String table = c.table() != null ? c.table() : index != null ? index.table() : null;
            if (table == null || ExistingTables.existed(ctx, table)) {
                String on = table == null ? "its table" : table;
                ctx.report(table == null ? c.name() : table, "DROP INDEX" + named(c.name()) + " takes an ACCESS "
                        + "EXCLUSIVE lock on " + on + ": reads and writes wait, and so does everything queued behind it");
            }
        }
    }

    private static String named(String name) {
        return name == null ? "" : " " + name;
    }
}
