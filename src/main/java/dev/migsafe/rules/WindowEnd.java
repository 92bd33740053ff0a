package dev.migsafe.rules;

import java.util.function.Predicate;

import dev.migsafe.change.Change;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.SchemaReplayer;
import dev.migsafe.schema.Table;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

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

    /**
     * Replays, on a copy, this change and then the rest of the window's up scripts, asking
     * {@code stop} after each change (first after this one) about the schema reached; true when it
     * said stop. For a rule that must know the steps between this change and the end of the window,
     * not only where the window ends. Costs a replay of the rest of the window: ask only for a change
     * already found suspicious.
     */
    public static boolean anyStepAfter(ChangeContext ctx, Predicate<Schema> stop) {
        Schema scratch = ctx.before().copy();
        SchemaReplayer.apply(scratch, ctx.change());
        if (stop.test(scratch)) {
            return true;
        }
        boolean after = false;
        for (Migration m : ctx.history().window()) {
            if (!after && m != ctx.migration()) {
                continue;
            }
            for (ParsedStatement ps : ctx.history().upStatements(m)) {
                for (Change change : ps.changes()) {
                    if (!after) {
                        after = ps == ctx.statement() && change == ctx.change();
                        continue;
                    }
                    SchemaReplayer.apply(scratch, change);
                    if (stop.test(scratch)) {
                        return true;
                    }
                }
            }
            if (!after) {
                return false; // the change is not in the window's up scripts (a down): nothing follows it
            }
        }
        return false;
    }
}
