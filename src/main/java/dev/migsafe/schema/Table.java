package dev.migsafe.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.change.ConstraintDef;

/**
 * A table of the schema model. Mutable: the replayer changes it in place, but only through
 * {@link Schema#writableTable}, which copies a table the schema shares with a snapshot first (so
 * taking a snapshot does not copy every table).
 *
 * @see Column#lineage() for what lineage means
 */
public final class Table implements Relation {
    private String name;
    private final long lineage;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<ConstraintDef> constraints = new ArrayList<>();
    /** false for CREATE TABLE AS / LIKE and tables first seen in an ALTER: column list incomplete */
    private boolean columnsKnown;
    /** The schema (and its snapshot epoch) that may change this table in place; see {@link Schema#writableTable} */
    Schema owner;
    long ownerEpoch;

    public Table(String name, long lineage, boolean columnsKnown) {
        this.name = name;
        this.lineage = lineage;
        this.columnsKnown = columnsKnown;
    }

    public String name() { return name; }

    void rename(String to) { this.name = to; }

    public long lineage() { return lineage; }

    public boolean columnsKnown() { return columnsKnown; }

    public Map<String, Column> columns() { return columns; }

    public Column column(String n) { return columns.get(n); }

    public List<ConstraintDef> constraints() { return constraints; }

    @Override
    public List<String> columnNames() { return List.copyOf(columns.keySet()); }

    @Override
    public long columnLineage(String column) {
        Column c = columns.get(column);
        return c == null ? -1 : c.lineage();
    }

    /**
     * Replaces the column {@code oldName} by {@code column} (which may carry another name) at the
     * same position, so column order survives renames and MySQL CHANGE COLUMN.
     */
    void replaceColumn(String oldName, Column column) {
        Map<String, Column> reordered = new LinkedHashMap<>();
        columns.forEach((n, c) -> {
            if (n.equals(oldName)) {
                reordered.put(column.name(), column);
            } else if (!n.equals(column.name())) {
                reordered.put(n, c);
            }
        });
        if (!reordered.containsKey(column.name())) {
            reordered.put(column.name(), column);
        }
        columns.clear();
        columns.putAll(reordered);
    }

    public Table copy() {
        Table t = new Table(name, lineage, columnsKnown);
        t.columns.putAll(columns);
        t.constraints.addAll(constraints);
        return t;
    }

    @Override
    public String toString() { return "table " + name + columns.keySet(); }
}
