package dev.migsafe.change;

import java.util.List;

/**
 * What one statement does to the schema or its data, independent of how it was written (SQL of
 * either dialect, or a Liquibase change). The sql stage produces these, the schema stage replays
 * them, and rules reason about them. All names are normalised (see {@code dev.migsafe.sql.Names}):
 * lower case unless quoted, PostgreSQL's {@code public.} and MySQL's database prefix removed.
 */
public sealed interface Change {

    /** The table (or other object) the change is about, for reports. */
    String target();

    // ---- tables ---------------------------------------------------------------------------------

    /**
     * @param constraints  every constraint of the new table: table-level ones and those written inline
     *                     on a column (in table form, e.g. {@code id int PRIMARY KEY} gives PRIMARY_KEY(id)).
     *                     MySQL's plain {@code KEY}/{@code INDEX} lines follow as {@link CreateIndex} events.
     * @param columnsKnown false for CREATE TABLE ... AS SELECT / LIKE, whose columns we cannot see
     */
    record CreateTable(String table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                       boolean ifNotExists, boolean columnsKnown) implements Change {
        public String target() { return table; }
    }

    record DropTable(String table, boolean ifExists, boolean cascade) implements Change {
        public String target() { return table; }
    }

    record RenameTable(String from, String to) implements Change {
        public String target() { return from; }
    }

    // ---- columns --------------------------------------------------------------------------------

    record AddColumn(String table, ColumnDef column, boolean ifNotExists) implements Change {
        public String target() { return table + "." + column.name(); }
    }

    record DropColumn(String table, String column, boolean ifExists) implements Change {
        public String target() { return table + "." + column; }
    }

    record RenameColumn(String table, String from, String to) implements Change {
        public String target() { return table + "." + from; }
    }

    /** @param using PostgreSQL {@code USING} expression, or null */
    record AlterColumnType(String table, String column, SqlType type, String using) implements Change {
        public String target() { return table + "." + column; }
    }

    /**
     * MySQL {@code MODIFY}/{@code CHANGE COLUMN}: the column is redefined as a whole, so an omitted
     * NOT NULL or DEFAULT is dropped.
     */
    record RedefineColumn(String table, String oldName, ColumnDef column) implements Change {
        public String target() { return table + "." + oldName; }
    }

    record SetNotNull(String table, String column) implements Change {
        public String target() { return table + "." + column; }
    }

    record DropNotNull(String table, String column) implements Change {
        public String target() { return table + "." + column; }
    }

    record SetDefault(String table, String column, String expression, boolean volatileDefault) implements Change {
        public String target() { return table + "." + column; }
    }

    record DropDefault(String table, String column) implements Change {
        public String target() { return table + "." + column; }
    }

    // ---- constraints and indexes ----------------------------------------------------------------

    record AddConstraint(String table, ConstraintDef constraint) implements Change {
        public String target() { return table; }
    }

    record DropConstraint(String table, String name, boolean ifExists) implements Change {
        public String target() { return table; }
    }

    record RenameConstraint(String table, String from, String to) implements Change {
        public String target() { return table; }
    }

    record ValidateConstraint(String table, String name) implements Change {
        public String target() { return table; }
    }

    /** @param columns column names or expression texts */
    record CreateIndex(String name, String table, List<String> columns, boolean unique, boolean concurrently,
                       boolean ifNotExists) implements Change {
        public String target() { return table; }
    }

    /** @param table the table for MySQL {@code DROP INDEX x ON t}, else null */
    record DropIndex(String name, String table, boolean ifExists, boolean concurrently) implements Change {
        public String target() { return table != null ? table : name; }
    }

    record RenameIndex(String table, String from, String to) implements Change {
        public String target() { return from; }
    }

    // ---- views ----------------------------------------------------------------------------------

    /**
     * @param columnNames explicit column list {@code CREATE VIEW v (a, b)}, else empty
     * @param columns     the SELECT's output columns
     * @param reads       every table.column the query reads, "table.*" when it reads all of a table
     */
    record CreateView(String name, List<String> columnNames, List<ViewColumn> columns, List<String> reads,
                      boolean orReplace, boolean materialized) implements Change {
        public String target() { return name; }
    }

    record DropView(String name, boolean ifExists, boolean materialized) implements Change {
        public String target() { return name; }
    }

    record RenameView(String from, String to) implements Change {
        public String target() { return from; }
    }

    // ---- sequences, types, functions ------------------------------------------------------------

    record CreateSequence(String name, boolean ifNotExists) implements Change {
        public String target() { return name; }
    }

    record DropSequence(String name, boolean ifExists) implements Change {
        public String target() { return name; }
    }

    record RenameSequence(String from, String to) implements Change {
        public String target() { return from; }
    }

    record CreateEnumType(String name, List<String> values) implements Change {
        public String target() { return name; }
    }

    /** @param before value it is placed before, or null; {@code after} likewise */
    record AddEnumValue(String type, String value, String before, String after, boolean ifNotExists)
            implements Change {
        public String target() { return type; }
    }

    record RenameEnumValue(String type, String from, String to) implements Change {
        public String target() { return type; }
    }

    record CreateDomain(String name, SqlType baseType, boolean notNull, String check) implements Change {
        public String target() { return name; }
    }

    /** DROP TYPE and DROP DOMAIN. */
    record DropType(String name, boolean ifExists) implements Change {
        public String target() { return name; }
    }

    /** ALTER TYPE/DOMAIN ... RENAME TO. */
    record RenameType(String from, String to) implements Change {
        public String target() { return from; }
    }

    /**
     * @param arguments      argument types as written, or null when not given (MySQL)
     * @param returnsTrigger {@code RETURNS trigger} or {@code RETURNS event_trigger} (PostgreSQL): only a
     *                       trigger calls it, never an application
     */
    record CreateFunction(String name, String arguments, boolean orReplace, boolean procedure, boolean returnsTrigger)
            implements Change {
        public CreateFunction(String name, String arguments, boolean orReplace, boolean procedure) {
            this(name, arguments, orReplace, procedure, false);
        }

        public String target() { return name; }
    }

    record DropFunction(String name, String arguments, boolean ifExists, boolean procedure) implements Change {
        public String target() { return name; }
    }

    record RenameFunction(String from, String to) implements Change {
        public String target() { return from; }
    }

    // ---- data -----------------------------------------------------------------------------------

    /**
     * INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY.
     *
     * @param rewrites for an UPDATE, the stored values it replaces by others (empty when none is known)
     */
    record DataChange(Kind kind, List<String> tables, boolean hasWhere, List<ValueRewrite> rewrites) implements Change {
        public enum Kind { INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY }

        public DataChange(Kind kind, List<String> tables, boolean hasWhere) {
            this(kind, tables, hasWhere, List.of());
        }

        public String target() { return tables.isEmpty() ? "" : tables.get(0); }

        /**
         * {@code UPDATE t SET column = 'to' WHERE column = 'from'} (or {@code IN (...)}): rows holding one
         * code-like value of a column are given another, as a status, type or key is renamed.
         */
        public record ValueRewrite(String column, List<String> from, String to) {
        }
    }

    /**
     * A statement understood and known not to change tables, columns or the objects above: GRANT,
     * COMMENT ON, SET, CREATE EXTENSION, triggers, policies, ANALYZE, SELECT, transaction control...
     *
     * @param kind short upper-case description, e.g. "GRANT", "CREATE TRIGGER", "VACUUM FULL"
     * @param target the object it is about, or ""
     */
    record Other(String kind, String target) implements Change {
    }
}
