package dev.migsafe.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.change.ConstraintDef;

/**
 * A table of the schema model. Mutable: the replayer changes it in place; {@link #copy()} before
 * keeping a snapshot. A copy shares the column map and constraint list with its original until either
 * is edited (copy on write): a history of thousands of migrations keeps snapshots per step without
 * copying every table each time.
 *
 * @see Column#lineage() for what lineage means
 */
public final class Table implements Relation {
    private String name;
    private final long lineage;
    private Map<String, Column> columns = new LinkedHashMap<>();
    private List<ConstraintDef> constraints = new ArrayList<>();
    /** columns and constraints may be another table's too: copy them before handing them out */
    private boolean shared;
    /** false for CREATE TABLE AS / LIKE and tables first seen in an ALTER: column list incomplete */
    private boolean columnsKnown;

    public Table(String name, long lineage, boolean columnsKnown) {
        this.name = name;
        this.lineage = lineage;
        this.columnsKnown = columnsKnown;
    }

    public String name() { return name; }

    void rename(String to) { this.name = to; }

    public long lineage() { return lineage; }

    public boolean columnsKnown() { return columnsKnown; }

    /** The columns, read-only (the replayer edits them through {@link #editColumns()}). */
    public Map<String, Column> columns() {
        return Collections.unmodifiableMap(columns);
    }

    Map<String, Column> editColumns() {
        own();
        return columns;
    }

    public Column column(String n) { return columns.get(n); }

    /** The constraints, read-only (the replayer edits them through {@link #editConstraints()}). */
    public List<ConstraintDef> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    List<ConstraintDef> editConstraints() {
        own();
        return constraints;
    }

    private void own() {
        if (shared) {
            columns = new LinkedHashMap<>(columns);
            constraints = new ArrayList<>(constraints);
            shared = false;
        }
    }

    /** Structurally the same as {@code other} without looking inside: one is an untouched copy of the other. */
    boolean sameContentAs(Table other) {
        return columns == other.columns && constraints == other.constraints && name.equals(other.name)
                && columnsKnown == other.columnsKnown;
    }

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
        own();
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
        t.columns = columns;
        t.constraints = constraints;
        t.shared = true;
        shared = true;
        return t;
    }

    @Override
    public String toString() { return "table " + name + columns.keySet(); }
}
