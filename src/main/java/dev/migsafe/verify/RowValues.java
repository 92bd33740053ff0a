package dev.migsafe.verify;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/**
 * The values of the older tables' rows, by row key, for the rehearsal to tell which of them the
 * downs did not give back: a column dropped by the range and re-added by its down comes back empty,
 * or filled with the default the down had to give it to be NOT NULL again. Tables without a row key
 * are left out (their rows are only counted); a table is read up to {@link #MAX_ROWS} rows.
 */
final class RowValues {
    static final int MAX_ROWS = 1000;
    static final RowValues NONE = new RowValues(Map.of());

    /** table -> row key -> column -> value; only the older schema's columns that exist now */
    private final Map<String, Map<List<Object>, Map<String, Object>>> tables;

    private RowValues(Map<String, Map<List<Object>, Map<String, Object>>> tables) {
        this.tables = tables;
    }

    /** The older tables' values, read under the older names (after seeding, after the downs). */
    static RowValues read(ScratchDatabase db, SchemaSnapshot older) throws SQLException {
        return read(db, older, RangeLineage.SAME_NAMES);
    }

    /**
     * The older tables' values, each table and column read where the range moved it ({@code lineage}):
     * kept under the older names, so that they compare with the values read after the downs. A column
     * the range dropped is left out, even when a new column now has its name.
     */
    static RowValues read(ScratchDatabase db, SchemaSnapshot older, RangeLineage lineage) throws SQLException {
        Map<String, Map<List<Object>, Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.setMaxRows(MAX_ROWS);
            for (TableShape table : older.tables().values()) {
                List<String> key = table.rowKey().stream().map(k -> lineage.column(table.name(), k)).toList();
                if (key.isEmpty() || key.contains(null)) {
                    continue; // no key, or the range dropped a key column: rows cannot be matched
                }
                List<Map<String, Object>> rows;
                try {
                    rows = SqlValues.rows(st.executeQuery("SELECT * FROM " + db.kind().quote(lineage.table(table.name()))));
                } catch (SQLException gone) {
                    continue; // dropped by the range: the schema comparison says so
                }
                Map<List<Object>, Map<String, Object>> byKey = new LinkedHashMap<>();
                for (Map<String, Object> row : rows) {
                    if (!row.keySet().containsAll(key)) {
                        break; // a key column is gone: rows cannot be matched
                    }
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (ColumnShape column : table.columns()) {
                        String now = lineage.column(table.name(), column.name());
                        if (now != null && row.containsKey(now)) {
                            values.put(column.name(), row.get(now));
                        }
                    }
                    byKey.put(key.stream().map(row::get).map(RowValues::comparable).toList(), values);
                }
                tables.put(table.name(), byKey);
            }
        }
        return new RowValues(tables);
    }

    /**
     * These values, completed with the seeded ones for the columns the range dropped: a row that was
     * seeded and is still there had those values when the column was dropped (nothing can write a
     * column once it is gone; rows added since have none to lose).
     */
    RowValues orElse(RowValues seeded) {
        Map<String, Map<List<Object>, Map<String, Object>>> merged = new LinkedHashMap<>();
        tables.forEach((table, rows) -> {
            Map<List<Object>, Map<String, Object>> seededRows = seeded.tables.getOrDefault(table, Map.of());
            Map<List<Object>, Map<String, Object>> out = new LinkedHashMap<>();
            rows.forEach((key, values) -> {
                Map<String, Object> completed = new LinkedHashMap<>(values);
                seededRows.getOrDefault(key, Map.of()).forEach(completed::putIfAbsent);
                out.put(key, completed);
            });
            merged.put(table, out);
        });
        return new RowValues(merged);
    }

    /**
     * What became of these values in {@code after}, one sentence per column: values that are NULL
     * now, and values that differ ("'Ada' -> ''"). Rows that are gone are not counted here.
     */
    List<String> lostIn(RowValues after, SchemaSnapshot older) {
        List<String> out = new ArrayList<>();
        for (TableShape table : older.tables().values()) {
            Map<List<Object>, Map<String, Object>> before = tables.get(table.name());
            Map<List<Object>, Map<String, Object>> now = after.tables.get(table.name());
            if (before == null || now == null) {
                continue;
            }
            for (ColumnShape column : table.columns()) {
                int had = 0;
                int nulled = 0;
                int changed = 0;
                String example = null;
                for (Map.Entry<List<Object>, Map<String, Object>> row : before.entrySet()) {
                    Map<String, Object> nowRow = now.get(row.getKey());
                    if (nowRow == null || !row.getValue().containsKey(column.name()) || !nowRow.containsKey(column.name())) {
                        continue;
                    }
                    Object was = row.getValue().get(column.name());
                    Object is = nowRow.get(column.name());
                    if (was == null) {
                        continue;
                    }
                    had++;
                    if (is == null) {
                        nulled++;
                    } else if (!same(was, is)) {
                        changed++;
                        example = example != null ? example : show(was) + " -> " + show(is);
                    }
                }
                String where = table.name() + "." + column.name();
                if (nulled > 0) {
                    out.add(RehearsalFailures.valuesGone(nulled, had, where));
                }
                if (changed > 0) {
                    out.add(RehearsalFailures.valuesChanged(changed, had, where, example));
                }
            }
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b) || Objects.equals(String.valueOf(a), String.valueOf(b));
    }

    /** Key values that compare by content (byte arrays do not). */
    private static Object comparable(Object value) {
        return value instanceof byte[] bytes ? List.of(Arrays.toString(bytes)) : value;
    }

    private static String show(Object value) {
        String text = value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
    }
}
