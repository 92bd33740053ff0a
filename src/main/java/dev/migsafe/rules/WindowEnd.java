package dev.migsafe.rules;

import dev.migsafe.schema.Column;
import dev.migsafe.schema.Table;

/** Where an object of the schema just before a change ends up at the end of the window (followed by lineage). */
public final class WindowEnd {

    private WindowEnd() {
    }

    /** The table named {@code table} just before the change, at the end of the window; null when dropped. */
    public static Table table(ChangeContext ctx, String table) {
        Table now = ctx.before().table(table);
        return now == null ? null : ctx.end().tableByLineage(now.lineage());
    }

    /** The column {@code table.column} just before the change, at the end of the window; null when dropped. */
    public static Column column(ChangeContext ctx, String table, String column) {
        Table now = ctx.before().table(table);
        Table end = table(ctx, table);
        if (now == null || end == null || now.column(column) == null) {
            return null;
        }
        long lineage = now.column(column).lineage();
        return end.columns().values().stream().filter(c -> c.lineage() == lineage).findFirst().orElse(null);
    }
}
