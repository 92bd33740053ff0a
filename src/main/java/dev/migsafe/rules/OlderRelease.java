package dev.migsafe.rules;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migsafe.schema.Column;
import dev.migsafe.schema.Relation;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;
import dev.migsafe.schema.UserType;
import dev.migsafe.schema.View;

/**
 * What the older release knows, seen from one change: the questions backward-compatibility rules
 * ask before reporting, answered by lineage so that renames in the window are followed and objects
 * created in the window are left alone.
 */
public final class OlderRelease {

    private OlderRelease() {
    }

    /** The table as the older release knows it, or null when it is new in the window or unknown. */
    public static Table table(ChangeContext ctx, String table) {
        return ctx.baseTable(table);
    }

    /**
     * The older release has this column. A table the model never saw defined (a placeholder) is
     * incomplete: a column of it that the window did not create existed before, so the older release
     * had it.
     */
    public static boolean hasColumn(ChangeContext ctx, String table, String column) {
        if (ctx.baseColumn(table, column) != null) {
            return true;
        }
        Table old = ctx.baseTable(table);
        Table now = ctx.before().table(table);
        return old != null && !old.columnsKnown() && now != null && now.column(column) == null;
    }

    /** The name the older release uses for a column that is {@code table.column} just before this change. */
    public static String columnName(ChangeContext ctx, String table, String column) {
        Column old = ctx.baseColumn(table, column);
        return old != null ? old.name() : column;
    }

    /** The name the older release uses for a table that is named {@code table} just before this change. */
    public static String tableName(ChangeContext ctx, String table) {
        Table old = ctx.baseTable(table);
        return old != null ? old.name() : table;
    }

    /** The view the older release has that is {@code name} just before this change, or null. */
    public static View view(ChangeContext ctx, String name) {
        View now = ctx.before().views().get(name);
        if (now == null) {
            return null;
        }
        return ctx.base().views().values().stream().filter(v -> v.lineage() == now.lineage()).findFirst().orElse(null);
    }

    /** The enum or domain the older release has that is {@code name} just before this change, or null. */
    public static UserType type(ChangeContext ctx, String name) {
        UserType now = ctx.before().types().get(name);
        if (now == null) {
            return null;
        }
        return ctx.base().types().values().stream().filter(t -> t.lineage() == now.lineage()).findFirst().orElse(null);
    }

    /** The older release's name of the sequence that is {@code name} just before this change, or null. */
    public static String sequence(ChangeContext ctx, String name) {
        Long now = ctx.before().sequences().get(name);
        if (now == null) {
            return null;
        }
        return ctx.base().sequences().entrySet().stream().filter(e -> e.getValue().equals(now))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The older release has a function of this name (functions carry no lineage). */
    public static boolean hasFunction(ChangeContext ctx, String name) {
        return ctx.base().functions().containsKey(name) && ctx.before().functions().containsKey(name);
    }

    /**
     * The columns of {@code table} that the older release knows among those a column list or
     * expression mentions: an expression's identifiers are matched against the table's columns just
     * before the change.
     */
    public static Set<String> knownColumnsMentioned(ChangeContext ctx, String table, Iterable<String> texts) {
        Set<String> found = new LinkedHashSet<>();
        Table now = ctx.before().table(table);
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            if (now == null || now.column(text) != null || isIdentifier(text)) {
                if (hasColumn(ctx, table, text)) {
                    found.add(text);
                }
                continue;
            }
            for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9_$]+")) {
                if (!token.isEmpty() && now.column(token) != null && hasColumn(ctx, table, token)) {
                    found.add(token);
                }
            }
        }
        return found;
    }

    private static boolean isIdentifier(String text) {
        return text.matches("[A-Za-z_][A-Za-z0-9_$]*");
    }

    /** A relation at the end of the window still offers every column of {@code old} under its old name and data. */
    public static boolean stillServed(Schema end, String oldName, Iterable<Column> oldColumns) {
        Relation relation = end.relation(oldName);
        if (relation == null) {
            return false;
        }
        for (Column c : oldColumns) {
            if (relation.columnLineage(c.name()) != c.lineage()) {
                return false;
            }
        }
        return true;
    }
}
