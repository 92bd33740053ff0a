package dev.migsafe.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema as the database reports it through JDBC metadata: what the rehearsal compares and what
 * seeding and the contract check work from. Names are as stored in the catalog.
 */
record SchemaSnapshot(SortedMap<String, TableShape> tables, List<String> views) {

    SchemaSnapshot {
        tables = new TreeMap<>(tables);
        views = List.copyOf(views);
    }

    Optional<TableShape> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    record TableShape(String name, List<ColumnShape> columns, List<String> primaryKey, List<IndexShape> indexes,
                      List<ForeignKeyShape> foreignKeys, List<CheckShape> checks) {

        TableShape {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
            checks = List.copyOf(checks);
        }

        TableShape(String name, List<ColumnShape> columns, List<String> primaryKey, List<IndexShape> indexes,
                   List<ForeignKeyShape> foreignKeys) {
            this(name, columns, primaryKey, indexes, foreignKeys, List.of());
        }

        Optional<ColumnShape> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /** The columns that identify a row: the primary key, else the first unique index, else none. */
        List<String> rowKey() {
            if (!primaryKey.isEmpty()) {
                return primaryKey;
            }
            return indexes.stream().filter(IndexShape::unique).map(IndexShape::columns).findFirst().orElse(List.of());
        }

        /** The foreign key a column belongs to, if any. */
        Optional<ForeignKeyShape> foreignKeyOf(String column) {
            return foreignKeys.stream().filter(fk -> fk.columns().contains(column)).findFirst();
        }

        Map<String, ColumnShape> columnsByName() {
            Map<String, ColumnShape> byName = new TreeMap<>();
            columns.forEach(c -> byName.put(c.name(), c));
            return byName;
        }
    }

    /**
     * @param type          the database's type name with length or precision where it matters
     * @param jdbcType      {@link java.sql.Types} code
     * @param size          COLUMN_SIZE (length, precision)
     * @param scale         DECIMAL_DIGITS
     * @param defaultValue  the default expression as the database shows it, or null
     * @param generated     filled by the database (auto-increment, serial, identity, generated)
     * @param allowedValues enum (or MySQL SET) labels; empty for other types
     */
    record ColumnShape(String name, String type, int jdbcType, int size, int scale, boolean nullable,
                       String defaultValue, boolean generated, List<String> allowedValues) {

        ColumnShape {
            allowedValues = List.copyOf(allowedValues);
        }
    }

    record IndexShape(String name, List<String> columns, boolean unique) {
        IndexShape {
            columns = List.copyOf(columns);
        }
    }

    /** @param expression the condition as the database shows it, e.g. {@code CHECK ((total >= (0)::numeric))} */
    record CheckShape(String name, String expression) {
    }

    record ForeignKeyShape(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {
        ForeignKeyShape {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }
}
