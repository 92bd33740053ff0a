package dev.migsafe.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

import dev.migsafe.dialect.Dialect;

/**
 * The schema model: what a database looks like after replaying migrations. Mutable; the
 * {@link SchemaReplayer} applies changes to it. Keys are normalised names.
 */
public final class Schema {
    /** Whose rules name the objects created without a name, and how long a name may be. */
    private final Dialect dialect;
    private final SnapshotMap<String, Table> tables;
    private final SnapshotMap<String, View> views;
    private final SnapshotMap<String, Index> indexes;
    /** sequence name -> lineage */
    private final SnapshotMap<String, Long> sequences;
    private final SnapshotMap<String, UserType> types;
    /** function name -> argument signatures ("" when unknown) */
    private final Map<String, Set<String>> functions = new LinkedHashMap<>();
    /**
     * referenced table -> lineages of the tables that may hold a foreign key to it: a superset (an
     * entry stays when the key goes), so that a dropped or renamed column or table is followed into
     * the tables that reference it without looking at every table.
     */
    private PMap<String, PSet<Long>> references = HashTreePMap.empty();
    private long nextLineage = 1;
    /** Bumped by {@link #copy()}: tables owned under an older epoch may be shared with a snapshot. */
    private long epoch;

    /** A PostgreSQL schema. */
    public Schema() {
        this(Dialect.POSTGRESQL);
    }

    public Schema(Dialect dialect) {
        this(dialect, new SnapshotMap<>(Table::lineage), new SnapshotMap<>(), new SnapshotMap<>(Index::table),
                new SnapshotMap<>(), new SnapshotMap<>());
    }

    private Schema(Dialect dialect, SnapshotMap<String, Table> tables, SnapshotMap<String, View> views, SnapshotMap<String, Index> indexes,
                   SnapshotMap<String, Long> sequences, SnapshotMap<String, UserType> types) {
        this.dialect = dialect;
        this.tables = tables;
        this.views = views;
        this.indexes = indexes;
        this.sequences = sequences;
        this.types = types;
    }

    public Dialect dialect() { return dialect; }

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
        Set<String> names = tables.keysOf(lineage);
        return names.isEmpty() ? null : tables.get(names.iterator().next());
    }

    /** Notes that the table of the given lineage holds (or may hold) a foreign key to {@code refTable}. */
    void noteReference(String refTable, long tableLineage) {
        PSet<Long> tables = references.get(refTable);
        references = references.plus(refTable, (tables == null ? HashTreePSet.<Long>empty() : tables).plus(tableLineage));
    }

    /** The names of the tables that may hold a foreign key to {@code refTable} (and maybe no longer do). */
    List<String> mayReference(String refTable) {
        PSet<Long> lineages = references.get(refTable);
        return lineages == null ? List.of() : lineages.stream().flatMap(l -> tables.keysOf(l).stream()).toList();
    }

    /** The names of the indexes on the table. */
    public Set<String> indexesOn(String table) {
        return indexes.keysOf(table);
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
     * and the maps are persistent ({@link SnapshotMap}), so a snapshot costs next to nothing.
     */
    public Schema copy() {
        Schema s = new Schema(dialect, tables.copy(), views.copy(), indexes.copy(), sequences.copy(), types.copy());
        s.references = references;
        epoch++; // this schema no longer owns its tables alone
        functions.forEach((k, v) -> s.functions.put(k, new TreeSet<>(v)));
        s.nextLineage = nextLineage;
        return s;
    }
}
