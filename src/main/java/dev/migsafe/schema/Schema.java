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
    /** Bumped by {@link #copy()}: tables owned under an older epoch may be shared with a snapshot. */
    private long epoch;

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

    /**
     * The table to change in place, or null: a table this schema may share with a snapshot is
     * replaced by its own copy first. The replayer changes tables only through this.
     */
    Table writableTable(String name) {
        Table t = tables.get(name);
        if (t == null || (t.owner == this && t.ownerEpoch == epoch)) {
            return t;
        }
        Table own = t.copy();
        own.owner = this;
        own.ownerEpoch = epoch;
        tables.put(name, own);
        return own;
    }

    /**
     * A copy that behaves as a deep one (changes to either are not seen by the other) and continues
     * its lineage numbering. Tables are shared until one side changes them ({@link #writableTable}),
     * so a snapshot costs one map entry per object, not a copy of every table.
     */
    public Schema copy() {
        Schema s = new Schema();
        epoch++; // this schema no longer owns its tables alone
        s.tables.putAll(tables);
        s.views.putAll(views);
        s.indexes.putAll(indexes);
        s.sequences.putAll(sequences);
        s.types.putAll(types);
        functions.forEach((k, v) -> s.functions.put(k, new TreeSet<>(v)));
        s.nextLineage = nextLineage;
        return s;
    }
}
