package dev.migsafe.verify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;

/**
 * Where the older release's tables and columns are after the range, followed by the schema model's
 * lineage: a column renamed from {@code a} to {@code b} is found under {@code b}, and a new column that
 * reuses the name {@code a} is not mistaken for the old one. Names the model does not know are taken
 * as they are.
 */
public final class RangeLineage {
    /** No model: every older table and column is looked for under its own name. */
    public static final RangeLineage SAME_NAMES = new RangeLineage(Map.of(), Map.of());

    /** older table -> its name after the range */
    private final Map<String, String> tables;
    /** older table -> older column -> its name after the range, or null when the range dropped it */
    private final Map<String, Map<String, String>> columns;

    private RangeLineage(Map<String, String> tables, Map<String, Map<String, String>> columns) {
        this.tables = tables;
        this.columns = columns;
    }

    public static RangeLineage of(Schema older, Schema newer) {
        Map<String, String> tables = new HashMap<>();
        Map<String, Map<String, String>> columns = new HashMap<>();
        for (Table table : older.tables().values()) {
            Table now = newer.tableByLineage(table.lineage());
            if (now == null || !table.columnsKnown() || !now.columnsKnown()) {
                continue;
            }
            tables.put(key(table.name()), now.name());
            Map<Long, String> byLineage = new HashMap<>();
            now.columns().values().forEach(c -> byLineage.put(c.lineage(), c.name()));
            Map<String, String> moved = new HashMap<>();
            for (Column c : table.columns().values()) {
                moved.put(key(c.name()), byLineage.get(c.lineage()));
            }
            columns.put(key(table.name()), moved);
        }
        return new RangeLineage(tables, columns);
    }

    /** The older table's name after the range. */
    String table(String olderTable) {
        return sameOrMoved(olderTable, tables.get(key(olderTable)));
    }

    /** The older column's name after the range, or null when the range dropped it. */
    String column(String olderTable, String olderColumn) {
        Map<String, String> moved = columns.get(key(olderTable));
        if (moved == null || !moved.containsKey(key(olderColumn))) {
            return olderColumn;
        }
        String now = moved.get(key(olderColumn));
        return now == null ? null : sameOrMoved(olderColumn, now);
    }

    /** The name as the database spells it when it did not move (the model keeps names normalised). */
    private static String sameOrMoved(String older, String now) {
        return now == null || now.equalsIgnoreCase(older) ? older : now;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
