package dev.migsafe.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.migsafe.verify.SchemaSnapshot.CheckShape;
import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.ForeignKeyShape;
import dev.migsafe.verify.SchemaSnapshot.IndexShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/** What differs between two snapshots, one sentence per difference, in the words of a DBA. */
final class SnapshotDiff {

    private SnapshotDiff() {
    }

    /** Differences from {@code expected} to {@code actual}; empty when they are the same schema. */
    static List<String> compare(SchemaSnapshot expected, SchemaSnapshot actual) {
        List<String> out = new ArrayList<>();
        for (String name : union(expected.tables().keySet(), actual.tables().keySet())) {
            TableShape want = expected.tables().get(name);
            TableShape got = actual.tables().get(name);
            if (got == null) {
                out.add("table " + name + " is missing");
            } else if (want == null) {
                out.add("table " + name + " is left over (not in the older schema)");
            } else {
                compareTables(want, got, out);
            }
        }
        for (String view : union(expected.views(), actual.views())) {
            if (!actual.views().contains(view)) {
                out.add("view " + view + " is missing");
            } else if (!expected.views().contains(view)) {
                out.add("view " + view + " is left over (not in the older schema)");
            }
        }
        return out;
    }

    private static void compareTables(TableShape want, TableShape got, List<String> out) {
        String t = want.name();
        Map<String, ColumnShape> wantCols = want.columnsByName();
        Map<String, ColumnShape> gotCols = got.columnsByName();
        for (String col : union(wantCols.keySet(), gotCols.keySet())) {
            ColumnShape w = wantCols.get(col);
            ColumnShape g = gotCols.get(col);
            String where = t + "." + col;
            if (g == null) {
                out.add("column " + where + " is missing");
            } else if (w == null) {
                out.add("column " + where + " is left over (not in the older schema)");
            } else {
                differs(out, where, "type", w.type(), g.type());
                differs(out, where, "nullability", w.nullable() ? "NULL" : "NOT NULL", g.nullable() ? "NULL" : "NOT NULL");
                differs(out, where, "default", w.defaultValue(), g.defaultValue());
                differs(out, where, "allowed values", w.allowedValues(), g.allowedValues());
            }
        }
        differs(out, t, "primary key", want.primaryKey(), got.primaryKey());
        compareNamed(out, t, "index", want.indexes(), got.indexes(), IndexShape::name);
        compareNamed(out, t, "foreign key", want.foreignKeys(), got.foreignKeys(), ForeignKeyShape::name);
        compareNamed(out, t, "check constraint", want.checks(), got.checks(), CheckShape::name);
    }

    private static <T> void compareNamed(List<String> out, String table, String what, List<T> want, List<T> got,
                                         Function<T, String> name) {
        Map<String, T> w = byName(want, name);
        Map<String, T> g = byName(got, name);
        for (String n : union(w.keySet(), g.keySet())) {
            String where = what + " " + n + " on " + table;
            if (!g.containsKey(n)) {
                out.add(where + " is missing");
            } else if (!w.containsKey(n)) {
                out.add(where + " is left over (not in the older schema)");
            } else if (!w.get(n).equals(g.get(n))) {
                out.add(where + " changed: " + w.get(n) + " -> " + g.get(n));
            }
        }
    }

    private static void differs(List<String> out, String where, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(where + ": " + what + " " + show(before) + " -> " + show(after));
        }
    }

    private static String show(Object value) {
        return value == null ? "none" : value.toString();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }

    private static TreeSet<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
