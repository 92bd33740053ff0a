package dev.migsafe.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import dev.migsafe.report.Report.SchemaChange;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Index;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;
import dev.migsafe.schema.UserType;
import dev.migsafe.schema.View;

/**
 * The schema difference between two releases as a reader of a report wants it: what was added,
 * removed, renamed or changed, per table and column. Unlike {@code SchemaDiff} (structure only) it
 * follows lineage, so a rename shows as a rename and not as a drop plus an add. Both schemas must
 * come from one replay (lineages agree), as an analysis's older and newer schemas do.
 */
public final class SchemaChanges {

    private SchemaChanges() {
    }

    public static List<SchemaChange> between(Schema older, Schema newer) {
        List<SchemaChange> out = new ArrayList<>();
        tables(older, newer, out);
        byLineage("view", older.views(), newer.views(), View::name, View::lineage, SchemaChanges::describe, out);
        byLineage("type", older.types(), newer.types(), UserType::name, UserType::lineage, SchemaChanges::describe, out);
        byName("index", older.indexes(), newer.indexes(), SchemaChanges::describe, out);
        byName("sequence", older.sequences(), newer.sequences(), s -> "sequence", out);
        return out;
    }

    private static void tables(Schema older, Schema newer, List<SchemaChange> out) {
        Map<Long, Table> before = new TreeMap<>();
        older.tables().values().forEach(t -> before.put(t.lineage(), t));
        for (Table t : newer.tables().values()) {
            Table was = before.remove(t.lineage());
            if (was == null) {
                out.add(new SchemaChange("table", "added", t.name(), null, columnList(t)));
                continue;
            }
            if (!was.name().equals(t.name())) {
                out.add(new SchemaChange("table", "renamed", t.name(), was.name(), t.name()));
            }
            columns(was, t, out);
        }
        before.values().forEach(t -> out.add(new SchemaChange("table", "removed", t.name(), columnList(t), null)));
    }

    private static void columns(Table was, Table now, List<SchemaChange> out) {
        Map<Long, Column> before = new TreeMap<>();
        was.columns().values().forEach(c -> before.put(c.lineage(), c));
        for (Column c : now.columns().values()) {
            String object = now.name() + "." + c.name();
            Column old = before.remove(c.lineage());
            if (old == null) {
                out.add(new SchemaChange("column", "added", object, null, describe(c)));
                continue;
            }
            if (!old.name().equals(c.name())) {
                out.add(new SchemaChange("column", "renamed", object, old.name(), c.name()));
            }
            if (old.typeKnown() && c.typeKnown() && !old.type().sameAs(c.type())) {
                out.add(new SchemaChange("column", "type-changed", object, old.type().toString(), c.type().toString()));
            }
            if (old.notNull() != c.notNull()) {
                out.add(new SchemaChange("column", "nullability-changed", object, nullability(old), nullability(c)));
            }
            if (!Objects.equals(old.defaultExpr(), c.defaultExpr())) {
                out.add(new SchemaChange("column", "default-changed", object, defaultOf(old), defaultOf(c)));
            }
        }
        before.values().forEach(c -> out.add(new SchemaChange("column", "removed", now.name() + "." + c.name(),
                describe(c), null)));
    }

    private static <T> void byLineage(String kind, Map<String, T> older, Map<String, T> newer, Function<T, String> name,
                                      Function<T, Long> lineage, Function<T, String> describe, List<SchemaChange> out) {
        Map<Long, T> before = new TreeMap<>();
        older.values().forEach(v -> before.put(lineage.apply(v), v));
        for (T v : newer.values()) {
            T was = before.remove(lineage.apply(v));
            if (was == null) {
                out.add(new SchemaChange(kind, "added", name.apply(v), null, describe.apply(v)));
                continue;
            }
            if (!name.apply(was).equals(name.apply(v))) {
                out.add(new SchemaChange(kind, "renamed", name.apply(v), name.apply(was), name.apply(v)));
            }
            if (!describe.apply(was).equals(describe.apply(v))) {
                out.add(new SchemaChange(kind, "changed", name.apply(v), describe.apply(was), describe.apply(v)));
            }
        }
        before.values().forEach(v -> out.add(new SchemaChange(kind, "removed", name.apply(v), describe.apply(v), null)));
    }

    private static <T> void byName(String kind, Map<String, T> older, Map<String, T> newer, Function<T, String> describe,
                                   List<SchemaChange> out) {
        for (Map.Entry<String, T> e : new TreeMap<>(newer).entrySet()) {
            T was = older.get(e.getKey());
            if (was == null) {
                out.add(new SchemaChange(kind, "added", e.getKey(), null, describe.apply(e.getValue())));
            } else if (!describe.apply(was).equals(describe.apply(e.getValue()))) {
                out.add(new SchemaChange(kind, "changed", e.getKey(), describe.apply(was), describe.apply(e.getValue())));
            }
        }
        for (Map.Entry<String, T> e : new TreeMap<>(older).entrySet()) {
            if (!newer.containsKey(e.getKey())) {
                out.add(new SchemaChange(kind, "removed", e.getKey(), describe.apply(e.getValue()), null));
            }
        }
    }

    private static String columnList(Table t) {
        return t.columnsKnown() || !t.columns().isEmpty() ? "(" + String.join(", ", t.columns().keySet()) + ")" : null;
    }

    private static String describe(Column c) {
        StringBuilder sb = new StringBuilder(c.typeKnown() ? c.type().toString() : "unknown type");
        if (c.notNull()) {
            sb.append(" NOT NULL");
        }
        if (c.defaultExpr() != null) {
            sb.append(" DEFAULT ").append(c.defaultExpr());
        }
        return sb.toString();
    }

    private static String nullability(Column c) {
        return c.notNull() ? "NOT NULL" : "nullable";
    }

    private static String defaultOf(Column c) {
        return c.defaultExpr() == null ? "no default" : c.defaultExpr();
    }

    private static String describe(View v) {
        return (v.materialized() ? "materialized view" : "view") + " (" + String.join(", ", v.columnNames()) + ")";
    }

    private static String describe(UserType t) {
        return t.kind() == UserType.Kind.ENUM ? "enum " + t.values() : "domain over " + t.baseType();
    }

    private static String describe(Index i) {
        return (i.unique() ? "unique " : "") + "on " + i.table() + " (" + String.join(", ", i.columns()) + ")";
    }
}
