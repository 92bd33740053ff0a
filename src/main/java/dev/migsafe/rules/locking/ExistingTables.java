package dev.migsafe.rules.locking;

import dev.migsafe.rules.ChangeContext;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;

/**
 * Whether a table already held rows when the window being checked started: only then do locks and
 * rewrites hurt. A table created in the window (same range, same migration, same transaction) is
 * empty and unseen by the running application, so lock rules leave it alone.
 *
 * <p>"Existing" matches the assumption squawk makes: a table the migrations alter without ever
 * creating it was created outside what was replayed, so it exists and may be large. The analyzer
 * puts such tables into the window's starting schema (see {@code Analyzer}); a table this change
 * names that the model does not know at all is taken as existing too.
 */
public final class ExistingTables {

    private ExistingTables() {
    }

    /** {@code table}, as named just before the change, existed before the window. */
    public static boolean existed(ChangeContext ctx, String table) {
        Table now = ctx.before().table(table);
        return now == null || ctx.baseTable(table) != null;
    }

    /** The same question for migration-level rules: {@code before} is the schema before the migration. */
    public static boolean existed(Schema before, Schema base, String table) {
        Table now = before.table(table);
        return now == null || base.tableByLineage(now.lineage()) != null;
    }
}
