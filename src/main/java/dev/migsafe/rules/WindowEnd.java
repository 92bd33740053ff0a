package dev.migsafe.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.migsafe.change.Change;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.SchemaReplayer;
import dev.migsafe.schema.Table;
import dev.migsafe.schema.TypeCompatibility;
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

    /**
     * Whether the older release's table {@code old} is still there, by name, at the end of the window:
     * null when a table named as the older release names it exists then with each of its columns, of
     * a type that holds what it held (same or wider), and without a NOT NULL that the older release's
     * inserts do not fill (the "rebuild" pattern: rename away, create again under the old name, copy
     * the rows, drop the copy). Else what keeps the older release from using it, as words ("there is
     * no table dev at the end of the range", "the table dev there has no column label").
     * A table whose columns the model does not know, on either side, is judged by name alone.
     */
    public static String sameNameGap(ChangeContext ctx, Table old) {
        Table now = ctx.end().table(old.name());
        if (now == null) {
            return "there is no table " + old.name() + " at the end of the range";
        }
        if (!now.columnsKnown() || !old.columnsKnown()) {
            return null;
        }
        List<String> gaps = new ArrayList<>();
        for (Column was : old.columns().values()) {
            Column is = now.column(was.name());
            if (is == null) {
                gaps.add("has no column " + was.name());
                continue;
            }
            TypeCompatibility.Compatibility c = TypeCompatibility.classify(was.type(), is.type(), ctx.dialect());
            if (c == TypeCompatibility.Compatibility.NARROWING || c == TypeCompatibility.Compatibility.INCOMPATIBLE) {
                gaps.add("has " + was.name() + " as " + is.type() + " instead of " + was.type());
            }
            if (is.notNull() && !is.hasValueWithoutApp() && (!was.notNull() || was.hasValueWithoutApp())) {
                gaps.add("has " + was.name() + " NOT NULL without a default, which the older release may leave out");
            }
        }
        for (Column is : now.columns().values()) {
            if (old.column(is.name()) == null && is.notNull() && !is.hasValueWithoutApp()) {
                gaps.add("has a new column " + is.name() + " NOT NULL without a default, which the older release's "
                        + "inserts leave out");
            }
        }
        return gaps.isEmpty() ? null : "the table " + old.name() + " there " + String.join(", ", gaps);
    }
}
