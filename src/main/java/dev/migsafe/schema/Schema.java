package dev.migsafe.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema model: what a database looks like after replaying migrations. Mutable; the
 * {@link SchemaReplayer} applies changes to it. Keys are normalised names.
 */
public final class Schema {
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    /** sequence name -> lineage */
    private final Map<String, Long> sequences = new LinkedHashMap<>();
    private final Map<String, UserType> types = new LinkedHashMap<>();
    /** function name -> argument signatures ("" when unknown) */
    private final Map<String, Set<String>> functions = new LinkedHashMap<>();
    private long nextLineage = 1;

    public Map<String, Table> tables() { return tables; }
    public Map<String, View> views() { return views; }
    public Map<String, Index> indexes() { return indexes; }
    public Map<String, Long> sequences() { return sequences; }
    public Map<String, UserType> types() { return types; }
    public Map<String, Set<String>> functions() { return functions; }

    public Table table(String name) { return tables.get(name); }

    /** The table or view the application would reach with this name, or null. */
    public Relation relation(String name) {
        Table t = tables.get(name);
        return t != null ? t : views.get(name);
    }

    /** The table whose lineage is given, or null (it was dropped). */
    public Table tableByLineage(long lineage) {
        for (Table t : tables.values()) {
            if (t.lineage() == lineage) {
                return t;
            }
        }
        return null;
    }

    /** A fresh identity for a new object (see {@link Column#lineage()}). */
    public long newLineage() { return nextLineage++; }

    /** A deep copy that shares no mutable state with this one and continues its lineage numbering. */
    public Schema copy() {
        Schema s = new Schema();
        tables.forEach((k, v) -> s.tables.put(k, v.copy()));
        s.views.putAll(views);
        s.indexes.putAll(indexes);
        s.sequences.putAll(sequences);
        s.types.putAll(types);
        functions.forEach((k, v) -> s.functions.put(k, new TreeSet<>(v)));
        s.nextLineage = nextLineage;
        return s;
    }
}
