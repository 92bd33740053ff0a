package dev.migsafe.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.migsafe.change.ConstraintDef;

/**
 * Structural comparison of two schema models, as a database user would see them: names, types,
 * nullability, defaults, constraints, indexes, views, sequences, types and functions. Lineage is
 * ignored: a column dropped and re-created identically is the same structure. Used to check that a
 * down script gives back the schema its up started from.
 */
public final class SchemaDiff {

    /**
     * One difference of the actual schema from the expected one.
     *
     * @param text   one human-readable line
     * @param table  the table it is about, or null
     * @param breaks whether an application written for the expected schema can fail or misbehave on the
     *               actual one (something it uses missing or changed, a column it does not fill now
     *               required); false for what only adds or relaxes (an extra table or index, a column
     *               made nullable, a check gone)
     */
    public record Difference(String text, String table, boolean breaks) {
    }

    private SchemaDiff() {
    }

    /**
     * Differences of {@code actual} from {@code expected}, one human-readable line each, in a stable
     * order; empty when they are structurally equal.
     */
    public static List<String> between(Schema expected, Schema actual) {
        return differences(expected, actual).stream().map(Difference::text).toList();
    }

    /** As {@link #between}, each difference with what it means for an application written for {@code expected}. */
    public static List<Difference> differences(Schema expected, Schema actual) {
        boolean keysAreIndexes = expected.dialect().syntax().uniqueKeysAreIndexes();
        List<Difference> out = new ArrayList<>();
        for (String name : changed(expected.tables(), actual.tables())) {
            tables(name, expected.table(name), actual.table(name), keysAreIndexes, out);
        }
        for (String name : changed(expected.views(), actual.views())) {
            views(name, expected.views().get(name), actual.views().get(name), out);
        }
        if (keysAreIndexes) {
            java.util.Map<String, String> e = keysByTable(expected);
            java.util.Map<String, String> a = keysByTable(actual);
            for (String key : union(e.keySet(), a.keySet())) {
                index("index " + key, key.substring(0, key.lastIndexOf('.')), e.get(key), a.get(key), out);
            }
        } else {
            for (String name : changed(expected.indexes(), actual.indexes())) {
                Index ei = expected.indexes().get(name);
                Index ai = actual.indexes().get(name);
                index("index " + name, (ei != null ? ei : ai).table(), ei == null ? null : describe(ei),
                        ai == null ? null : describe(ai), out);
            }
        }
        for (String name : changed(expected.sequences(), actual.sequences())) {
            presence("sequence " + name, expected.sequences().get(name), actual.sequences().get(name),
                    s -> "present", out);
        }
        for (String name : changed(expected.types(), actual.types())) {
            UserType e = expected.types().get(name);
            UserType a = actual.types().get(name);
            if (e != null && a != null && e.kind() == UserType.Kind.ENUM && a.kind() == UserType.Kind.ENUM
                    && a.values().containsAll(e.values()) && !e.values().equals(a.values())) {
                out.add(new Difference("type " + name + " is " + describe(a) + " instead of " + describe(e), null, false));
                continue; // labels added: every value the application writes is still accepted
            }
            presence("type " + name, e, a, SchemaDiff::describe, out);
        }
        for (String name : changed(expected.functions(), actual.functions())) {
            Set<String> e = expected.functions().getOrDefault(name, Set.of());
            Set<String> a = actual.functions().getOrDefault(name, Set.of());
            for (String sig : union(e, a)) {
                String what = "function " + name + (sig.isEmpty() ? "" : "(" + sig + ")");
                presence(what, e.contains(sig) ? sig : null, a.contains(sig) ? sig : null, s -> "present", out);
            }
        }
        return out;
    }

    /**
     * MySQL: the keys of each table by name, {@code table.name} -> description. A UNIQUE constraint is a
     * unique index of its name, whether made by {@code UNIQUE KEY} or {@code CREATE UNIQUE INDEX}, and
     * index names are per table: compared so, one made either way is the same key.
     */
    private static java.util.Map<String, String> keysByTable(Schema schema) {
        java.util.Map<String, String> keys = new java.util.TreeMap<>();
        schema.indexes().values().forEach(i -> keys.put(i.table() + "." + i.name(), describe(i)));
        schema.tables().forEach((n, t) -> t.constraints().stream()
                .filter(k -> k.kind() == ConstraintDef.Kind.UNIQUE && k.name() != null)
                .forEach(k -> keys.put(n + "." + k.name(), describe(new Index(k.name(), n, k.columns(), true)))));
        return keys;
    }

    private static void tables(String name, Table e, Table a, boolean keysAreIndexes, List<Difference> out) {
        if (e == null || a == null) {
            Table only = e != null ? e : a;
            // a placeholder for a table we never saw defined, with nothing learnt about it, is no difference
            if (only.columnsKnown() || !only.columns().isEmpty()) {
                out.add(new Difference("table " + name + (e != null ? " is missing" : " was not there before"), name,
                        e != null));
            }
            return;
        }
        for (String c : union(e.columns().keySet(), a.columns().keySet())) {
            column(name, c, e.column(c), a.column(c), out);
        }
        // MySQL unique keys are compared with the indexes, by name
        Predicate<ConstraintDef> compared = k -> !(keysAreIndexes && k.kind() == ConstraintDef.Kind.UNIQUE && k.name() != null);
        List<String> ec = e.constraints().stream().filter(compared).map(SchemaDiff::describe).sorted().toList();
        List<String> ac = a.constraints().stream().filter(compared).map(SchemaDiff::describe).sorted().toList();
        for (String k : union(ec, ac)) {
            int diff = count(ac, k) - count(ec, k);
            // a missing key breaks the upserts that name it; a missing check or foreign key only relaxes,
            // and a new restriction is BC109's warning, not a break
            if (diff < 0) {
                out.add(new Difference("constraint " + k + " on " + name + " is missing", name,
                        k.startsWith("PRIMARY KEY") || k.startsWith("UNIQUE")));
            } else if (diff > 0) {
                out.add(new Difference("constraint " + k + " on " + name + " was not there before", name, false));
            }
        }
    }

    private static void column(String table, String c, Column e, Column a, List<Difference> out) {
        String name = table + "." + c;
        if (e == null || a == null) {
            // an extra column breaks the application's inserts only when they must fill it
            boolean breaks = e != null || (a.notNull() && a.defaultExpr() == null);
            out.add(new Difference("column " + name + (e != null ? " is missing" : " was not there before"), table, breaks));
            return;
        }
        TypeCompatibility.Compatibility types = TypeCompatibility.classify(e.type(), a.type());
        if (types != TypeCompatibility.Compatibility.SAME && TypeCompatibility.known(e.type())
                && TypeCompatibility.known(a.type())) {
            out.add(new Difference("column " + name + " has type " + a.type() + " instead of " + e.type(), table,
                    types != TypeCompatibility.Compatibility.WIDENING));
        }
        if (e.notNull() != a.notNull()) {
            out.add(new Difference("column " + name + " is " + (a.notNull() ? "NOT NULL" : "nullable") + " instead of "
                    + (e.notNull() ? "NOT NULL" : "nullable"), table, a.notNull()));
        }
        if (!Objects.equals(normalise(e.defaultExpr()), normalise(a.defaultExpr()))) {
            out.add(new Difference("column " + name + " has " + describeDefault(a.defaultExpr()) + " instead of "
                    + describeDefault(e.defaultExpr()), table, e.defaultExpr() != null));
        }
    }

    private static void views(String name, View e, View a, List<Difference> out) {
        if (e == null || a == null) {
            out.add(new Difference("view " + name + (e != null ? " is missing" : " was not there before"), null, e != null));
            return;
        }
        if (!e.columnNames().equals(a.columnNames())) {
            out.add(new Difference("view " + name + " has columns " + a.columnNames() + " instead of " + e.columnNames(),
                    null, true));
        }
        if (e.materialized() != a.materialized()) {
            out.add(new Difference("view " + name + (a.materialized() ? " is materialized" : " is no longer materialized"),
                    null, true));
        }
    }

    /** An index: a missing unique one breaks the upserts that rely on it; any other only costs speed or adds a restriction. */
    private static void index(String what, String table, String e, String a, List<Difference> out) {
        if (e == null && a == null) {
            return;
        }
        boolean uniqueLost = e != null && e.startsWith("unique ") && (a == null || !a.startsWith("unique "));
        if (e == null || a == null) {
            out.add(new Difference(what + (e != null ? " is missing" : " was not there before"), table, uniqueLost));
        } else if (!e.equals(a)) {
            out.add(new Difference(what + " is " + a + " instead of " + e, table, uniqueLost || e.startsWith("unique ")));
        }
    }

    /** An object the application may name: missing or changed breaks it, extra does not. */
    private static <T> void presence(String what, T e, T a, Function<T, String> describe, List<Difference> out) {
        if (e == null && a == null) {
            return;
        }
        if (e == null || a == null) {
            out.add(new Difference(what + (e != null ? " is missing" : " was not there before"), null, e != null));
        } else if (!describe.apply(e).equals(describe.apply(a))) {
            out.add(new Difference(what + " is " + describe.apply(a) + " instead of " + describe.apply(e), null, true));
        }
    }

    // ---- descriptions ---------------------------------------------------------------------------

    static String describe(ConstraintDef k) {
        String cols = "(" + String.join(", ", k.columns()) + ")";
        return switch (k.kind()) {
            case PRIMARY_KEY -> "PRIMARY KEY " + cols;
            case UNIQUE -> "UNIQUE " + cols;
            case FOREIGN_KEY -> "FOREIGN KEY " + cols + " REFERENCES " + k.refTable()
                    + " (" + String.join(", ", k.refColumns()) + ")";
            case CHECK -> "CHECK (" + normalise(k.expression()) + ")";
            case EXCLUDE -> "EXCLUDE " + cols;
        };
    }

    private static String describe(Index i) {
        return (i.unique() ? "unique " : "") + "on " + i.table() + " (" + String.join(", ", i.columns()) + ")";
    }

    private static String describe(UserType t) {
        return t.kind() == UserType.Kind.ENUM ? "enum " + t.values() : "domain over " + t.baseType();
    }

    private static String describeDefault(String expr) {
        return expr == null ? "no default" : "default " + expr;
    }

    /** Spelling differences that do not change a default or check: case, blanks, casts, parentheses. */
    private static String normalise(String expr) {
        if (expr == null) {
            return null;
        }
        String s = expr.toLowerCase(Locale.ROOT).replaceAll("::(character varying|double precision|[a-z_]+)(\\([0-9, ]*\\))?", "").replaceAll("\\s+", "");
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * The names whose object differs between the two maps, sorted. A snapshot shares what it did not
     * change (see {@link Schema#copy()}), so identical objects are skipped without comparing them and a
     * diff costs what the migration touched, not the size of the schema.
     */
    private static <T> Set<String> changed(java.util.Map<String, T> expected, java.util.Map<String, T> actual) {
        Set<String> names = new TreeSet<>();
        // a snapshot taken a few copies ago: only the names written since can differ
        Set<String> written = expected instanceof SnapshotMap<String, T> e && actual instanceof SnapshotMap<String, T> a
                ? a.changedSince(e) : null;
        if (written != null) {
            written.stream().filter(name -> expected.get(name) != actual.get(name)).forEach(names::add);
            return names;
        }
        expected.forEach((name, e) -> {
            if (actual.get(name) != e) {
                names.add(name);
            }
        });
        actual.forEach((name, a) -> {
            if (expected.get(name) != a) {
                names.add(name);
            }
        });
        return names;
    }

    private static Set<String> union(Iterable<String> a, Iterable<String> b) {
        Set<String> all = new TreeSet<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private static int count(List<String> list, String item) {
        return (int) list.stream().filter(item::equals).count();
    }
}
