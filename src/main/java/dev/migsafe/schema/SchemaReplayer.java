package dev.migsafe.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;

/**
 * Applies change events to a schema model, in place. Lenient like a reader of real histories must
 * be: a change to an object the model does not know (created by a Java migration, or outside
 * migrations) creates what is needed or is ignored, never fails.
 *
 * <p>Every object created gets a fresh lineage ({@link Schema#newLineage()}); renames keep it, so a
 * rule can tell "the same data under another name" from "a new object reusing a name".
 */
public final class SchemaReplayer {

    private SchemaReplayer() {
    }

    public static void apply(Schema schema, Change change) {
        if (change instanceof Change.CreateTable c) {
            createTable(schema, c);
        } else if (change instanceof Change.DropTable c) {
            dropTable(schema, c.table(), c.cascade());
        } else if (change instanceof Change.RenameTable c) {
            renameRelation(schema, c.from(), c.to());
        } else if (change instanceof Change.AddColumn c) {
            addColumn(schema, c);
        } else if (change instanceof Change.DropColumn c) {
            dropColumn(schema, c.table(), c.column());
        } else if (change instanceof Change.RenameColumn c) {
            renameColumn(schema, c.table(), c.from(), c.to());
        } else if (change instanceof Change.AlterColumnType c) {
            updateColumn(schema, c.table(), c.column(), col -> col.withType(c.type()));
        } else if (change instanceof Change.RedefineColumn c) {
            redefineColumn(schema, c);
        } else if (change instanceof Change.SetNotNull c) {
            updateColumn(schema, c.table(), c.column(), col -> col.withNotNull(true));
        } else if (change instanceof Change.DropNotNull c) {
            updateColumn(schema, c.table(), c.column(), col -> col.withNotNull(false));
        } else if (change instanceof Change.SetDefault c) {
            updateColumn(schema, c.table(), c.column(), col -> col.withDefault(c.expression()));
        } else if (change instanceof Change.DropDefault c) {
            updateColumn(schema, c.table(), c.column(), col -> col.withDefault(null));
        } else if (change instanceof Change.AddConstraint c) {
            addConstraint(schema, tableOrPlaceholder(schema, c.table()), c.constraint());
        } else if (change instanceof Change.DropConstraint c) {
            dropConstraint(schema, c.table(), c.name());
        } else if (change instanceof Change.RenameConstraint c) {
            renameConstraint(schema, c);
        } else if (change instanceof Change.ValidateConstraint c) {
            validateConstraint(schema, c);
        } else if (change instanceof Change.CreateIndex c) {
            createIndex(schema, c);
        } else if (change instanceof Change.DropIndex c) {
            dropIndex(schema, c);
        } else if (change instanceof Change.RenameIndex c) {
            renameIndex(schema, c.table(), c.from(), c.to());
        } else if (change instanceof Change.CreateView c) {
            createView(schema, c);
        } else if (change instanceof Change.DropView c) {
            schema.views().remove(c.name());
        } else if (change instanceof Change.RenameView c) {
            renameRelation(schema, c.from(), c.to());
        } else if (change instanceof Change.CreateSequence c) {
            schema.sequences().computeIfAbsent(c.name(), n -> schema.newLineage());
        } else if (change instanceof Change.DropSequence c) {
            schema.sequences().remove(c.name());
        } else if (change instanceof Change.RenameSequence c) {
            Long lineage = schema.sequences().remove(c.from());
            schema.sequences().put(c.to(), lineage != null ? lineage : schema.newLineage());
        } else if (change instanceof Change.CreateEnumType c) {
            schema.types().computeIfAbsent(c.name(), n -> new UserType(n, schema.newLineage(), UserType.Kind.ENUM,
                    List.copyOf(c.values()), null, false));
        } else if (change instanceof Change.AddEnumValue c) {
            addEnumValue(schema, c);
        } else if (change instanceof Change.RenameEnumValue c) {
            renameEnumValue(schema, c);
        } else if (change instanceof Change.CreateDomain c) {
            schema.types().computeIfAbsent(c.name(), n -> new UserType(n, schema.newLineage(), UserType.Kind.DOMAIN,
                    List.of(), c.baseType(), c.notNull()));
        } else if (change instanceof Change.DropType c) {
            schema.types().remove(c.name());
        } else if (change instanceof Change.RenameType c) {
            renameType(schema, c.from(), c.to());
        } else if (change instanceof Change.CreateFunction c) {
            schema.functions().computeIfAbsent(c.name(), n -> new TreeSet<>()).add(signature(c.arguments()));
        } else if (change instanceof Change.DropFunction c) {
            dropFunction(schema, c);
        } else if (change instanceof Change.RenameFunction c) {
            Set<String> signatures = schema.functions().remove(c.from());
            if (signatures != null) {
                schema.functions().computeIfAbsent(c.to(), n -> new TreeSet<>()).addAll(signatures);
            }
        }
        // DataChange and Other leave the schema as it is.
    }

    /** Normalised function argument list: lower case, single spaces; "" when not given. */
    public static String signature(String arguments) {
        return arguments == null ? "" : arguments.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // ---- tables ---------------------------------------------------------------------------------

    private static void createTable(Schema schema, Change.CreateTable c) {
        Table existing = schema.table(c.table());
        if (existing != null && existing.columnsKnown()) {
            return; // IF NOT EXISTS, or a history that creates twice: the first definition stands
        }
        // a placeholder (seen in an ALTER first) keeps its identity and gets its real definition
        Table table = new Table(c.table(), existing != null ? existing.lineage() : schema.newLineage(), c.columnsKnown());
        schema.tables().put(c.table(), table);
        for (ColumnDef def : c.columns()) {
            table.columns().put(def.name(), newColumn(schema, def));
        }
        for (ConstraintDef constraint : c.constraints()) {
            addConstraint(schema, table, constraint);
        }
    }

    private static void dropTable(Schema schema, String name, boolean cascade) {
        if (schema.tables().remove(name) == null) {
            return;
        }
        schema.indexesOn(name).forEach(schema.indexes()::remove);
        if (cascade) {
            schema.views().values().removeIf(v -> readsTable(v, name));
            changeConstraints(schema, name, k -> true, t -> t.constraints().removeIf(k -> name.equals(k.refTable())));
        }
    }

    /** ALTER TABLE/VIEW ... RENAME and MySQL RENAME TABLE, which accept tables and views alike. */
    private static void renameRelation(Schema schema, String from, String to) {
        Table table = schema.writableTable(from);
        if (table != null) {
            schema.tables().remove(from);
            table.rename(to);
            schema.tables().put(to, table);
            schema.indexesOn(from).forEach(n -> schema.indexes().put(n, schema.indexes().get(n).withTable(to)));
            changeConstraints(schema, from, k -> true, t -> {
                t.constraints().replaceAll(k -> from.equals(k.refTable()) ? withRefTable(k, to) : k);
                schema.noteReference(to, t.lineage());
            });
            // PostgreSQL views follow the table they read
            String prefix = from + ".";
            schema.views().replaceAll((n, v) -> withReads(v, renameReads(v.reads(),
                    r -> r.startsWith(prefix) ? to + "." + r.substring(prefix.length()) : r)));
            return;
        }
        View view = schema.views().remove(from);
        if (view != null) {
            schema.views().put(to, view.withName(to));
            return;
        }
        tableOrPlaceholder(schema, to);
    }

    /** The table, or a placeholder for one created outside what we replayed. */
    private static Table tableOrPlaceholder(Schema schema, String name) {
        schema.tables().computeIfAbsent(name, n -> new Table(n, schema.newLineage(), false));
        return schema.writableTable(name);
    }

    /**
     * Applies {@code change} to every table holding a foreign key to {@code refTable} that {@code affected}
     * accepts (and only those: the others stay shared).
     */
    private static void changeConstraints(Schema schema, String refTable, Predicate<ConstraintDef> affected,
                                          Consumer<Table> change) {
        List<String> names = new ArrayList<>();
        for (String name : schema.mayReference(refTable)) {
            if (schema.table(name).constraints().stream().anyMatch(k -> refTable.equals(k.refTable()) && affected.test(k))) {
                names.add(name);
            }
        }
        names.forEach(n -> change.accept(schema.writableTable(n)));
    }

    // ---- columns --------------------------------------------------------------------------------

    private static void addColumn(Schema schema, Change.AddColumn c) {
        Table table = tableOrPlaceholder(schema, c.table());
        if (table.column(c.column().name()) == null) {
            table.columns().put(c.column().name(), newColumn(schema, c.column()));
        }
    }

    private static Column newColumn(Schema schema, ColumnDef def) {
        return new Column(def.name(), schema.newLineage(), def.type(), def.notNull(), def.defaultExpr(),
                def.generated());
    }

    private static void dropColumn(Schema schema, String tableName, String column) {
        Table table = schema.table(tableName) == null || schema.table(tableName).column(column) == null ? null
                : schema.writableTable(tableName);
        if (table == null || table.columns().remove(column) == null) {
            return;
        }
        // the database drops indexes and constraints that use the column with it
        table.constraints().removeIf(k -> k.columns().contains(column));
        schema.indexesOn(tableName).stream().filter(n -> schema.indexes().get(n).columns().contains(column))
                .forEach(schema.indexes()::remove);
        Predicate<ConstraintDef> referencing = k -> tableName.equals(k.refTable()) && k.refColumns().contains(column);
        changeConstraints(schema, tableName, referencing, t -> t.constraints().removeIf(referencing));
    }

    private static void renameColumn(Schema schema, String tableName, String from, String to) {
        Table table = tableOrPlaceholder(schema, tableName);
        Column column = table.column(from);
        if (column == null) {
            column = new Column(from, schema.newLineage(), Column.UNKNOWN_TYPE, false, null, false);
        }
        table.replaceColumn(from, column.withName(to));
        followColumnRename(schema, table, from, to);
    }

    /** Constraints, indexes, foreign keys and view dependencies name columns: make them follow. */
    private static void followColumnRename(Schema schema, Table table, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        String tableName = table.name();
        table.constraints().replaceAll(k -> new ConstraintDef(k.name(), k.kind(), rename(k.columns(), from, to),
                k.refTable(), tableName.equals(k.refTable()) ? rename(k.refColumns(), from, to) : k.refColumns(),
                k.expression(), k.notValid(), k.usingIndex()));
        changeConstraints(schema, tableName, k -> true, t -> {
            if (t != table) {
                t.constraints().replaceAll(k -> tableName.equals(k.refTable())
                        ? new ConstraintDef(k.name(), k.kind(), k.columns(), k.refTable(),
                        rename(k.refColumns(), from, to), k.expression(), k.notValid(), k.usingIndex())
                        : k);
            }
        });
        for (String n : schema.indexesOn(tableName)) {
            Index i = schema.indexes().get(n);
            schema.indexes().put(n, new Index(i.name(), i.table(), rename(i.columns(), from, to), i.unique()));
        }
        String oldRead = tableName + "." + from;
        String newRead = tableName + "." + to;
        schema.views().replaceAll((n, v) -> withReads(v, renameReads(v.reads(), r -> r.equals(oldRead) ? newRead : r)));
    }

    /** MySQL MODIFY / CHANGE COLUMN: a whole new definition, same data (same lineage). */
    private static void redefineColumn(Schema schema, Change.RedefineColumn c) {
        Table table = tableOrPlaceholder(schema, c.table());
        Column old = table.column(c.oldName());
        long lineage = old != null ? old.lineage() : schema.newLineage();
        ColumnDef def = c.column();
        table.replaceColumn(c.oldName(), new Column(def.name(), lineage, def.type(), def.notNull(), def.defaultExpr(),
                def.generated()));
        followColumnRename(schema, table, c.oldName(), def.name());
    }

    private interface ColumnUpdate {
        Column apply(Column column);
    }

    /** Changes one attribute of a column; a column the model never saw is learnt with an unknown type. */
    private static void updateColumn(Schema schema, String tableName, String columnName, ColumnUpdate update) {
        Table table = tableOrPlaceholder(schema, tableName);
        Column column = table.column(columnName);
        if (column == null) {
            column = new Column(columnName, schema.newLineage(), Column.UNKNOWN_TYPE, false, null, false);
        }
        table.columns().put(columnName, update.apply(column));
    }

    // ---- constraints and indexes ----------------------------------------------------------------

    private static void addConstraint(Schema schema, Table table, ConstraintDef given) {
        ConstraintDef constraint = new ConstraintDef(given.name(), given.kind(), orEmpty(given.columns()),
                given.refTable(), orEmpty(given.refColumns()), given.expression(), given.notValid(), given.usingIndex());
        if (constraint.usingIndex() != null) {
            // PostgreSQL ADD CONSTRAINT c UNIQUE USING INDEX i: the index becomes the constraint's (renamed to c)
            String key = indexKey(schema, table.name(), constraint.usingIndex());
            Index index = key == null ? null : schema.indexes().get(key);
            if (index != null) {
                schema.indexes().remove(key);
                if (constraint.columns().isEmpty()) {
                    constraint = new ConstraintDef(constraint.name(), constraint.kind(), index.columns(),
                            constraint.refTable(), constraint.refColumns(), constraint.expression(),
                            constraint.notValid(), constraint.usingIndex());
                }
            }
        }
        String name = constraint.name() != null ? constraint.name()
                : DefaultNames.constraint(schema.dialect().syntax(), table.name(), constraint,
                n -> findConstraint(table, n) != null || indexNameTaken(schema, table.name(), n));
        table.constraints().removeIf(k -> name.equals(k.name()));
        table.constraints().add(new ConstraintDef(name, constraint.kind(), constraint.columns(), constraint.refTable(),
                constraint.refColumns(), constraint.expression(), constraint.notValid(), constraint.usingIndex()));
        if (constraint.refTable() != null) {
            schema.noteReference(constraint.refTable(), table.lineage());
        }
        if (constraint.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            // a primary key makes its columns NOT NULL
            for (String c : constraint.columns()) {
                table.columns().computeIfPresent(c, (n, col) -> col.withNotNull(true));
            }
        }
    }

    /**
     * Where the model keeps the index {@code name} of {@code table} (any table when null), or null. Index
     * names are per schema on PostgreSQL, per table on MySQL: there an index whose name another table's
     * index already holds is kept under {@code table.name} (its {@link Index#name()} stays the name).
     */
    private static String indexKey(Schema schema, String table, String name) {
        Index index = schema.indexes().get(name);
        if (index != null && (table == null || table.equals(index.table()))) {
            return name;
        }
        if (table != null && schema.dialect().syntax().indexNamesPerTable()) {
            for (String key : schema.indexesOn(table)) {
                if (name.equals(schema.indexes().get(key).name())) {
                    return key;
                }
            }
        }
        return null;
    }

    /** An index of that name exists where a new index or unique key of the table would clash with it. */
    private static boolean indexNameTaken(Schema schema, String table, String name) {
        return schema.dialect().syntax().indexNamesPerTable() ? indexKey(schema, table, name) != null
                : schema.indexes().containsKey(name);
    }

    /** A PRIMARY KEY, UNIQUE or EXCLUDE constraint: one backed by an index of the same name. */
    private static boolean indexBacked(ConstraintDef k) {
        return k.kind() == ConstraintDef.Kind.PRIMARY_KEY || k.kind() == ConstraintDef.Kind.UNIQUE
                || k.kind() == ConstraintDef.Kind.EXCLUDE;
    }

    private static ConstraintDef findConstraint(Table table, String name) {
        return table.constraints().stream().filter(k -> name.equals(k.name())).findFirst().orElse(null);
    }

    private static void dropConstraint(Schema schema, String tableName, String name) {
        Table table = schema.writableTable(tableName);
        if (table == null) {
            return;
        }
        // MySQL DROP PRIMARY KEY arrives as the constraint "primary"
        boolean primary = "primary".equalsIgnoreCase(name);
        boolean removed = table.constraints().removeIf(k -> name.equals(k.name())
                || (primary && k.kind() == ConstraintDef.Kind.PRIMARY_KEY));
        if (!removed) {
            // MySQL DROP KEY / DROP CONSTRAINT on a unique index
            String key = indexKey(schema, tableName, name);
            if (key != null) {
                schema.indexes().remove(key);
            }
        }
    }

    private static void renameConstraint(Schema schema, Change.RenameConstraint c) {
        Table table = schema.writableTable(c.table());
        if (table != null) {
            table.constraints().replaceAll(k -> c.from().equals(k.name())
                    ? new ConstraintDef(c.to(), k.kind(), k.columns(), k.refTable(), k.refColumns(), k.expression(),
                    k.notValid(), k.usingIndex())
                    : k);
        }
    }

    private static void validateConstraint(Schema schema, Change.ValidateConstraint c) {
        Table table = schema.writableTable(c.table());
        if (table != null) {
            table.constraints().replaceAll(k -> c.name().equals(k.name())
                    ? new ConstraintDef(k.name(), k.kind(), k.columns(), k.refTable(), k.refColumns(), k.expression(),
                    false, k.usingIndex())
                    : k);
        }
    }

    private static void createIndex(Schema schema, Change.CreateIndex c) {
        Table table = tableOrPlaceholder(schema, c.table());
        String name = c.name() != null ? c.name()
                : DefaultNames.index(schema.dialect().syntax(), c.table(), c.columns(),
                n -> indexNameTaken(schema, c.table(), n) || table.constraints().stream()
                        .anyMatch(k -> indexBacked(k) && n.equals(k.name())));
        boolean perTable = schema.dialect().syntax().indexNamesPerTable();
        if (perTable ? indexKey(schema, c.table(), name) != null : schema.indexes().containsKey(name)) {
            return; // IF NOT EXISTS, or created twice: the first definition stands
        }
        // MySQL: another table's index of that name is no clash
        String key = schema.indexes().containsKey(name) ? c.table() + "." + name : name;
        if (!schema.indexes().containsKey(key)) {
            schema.indexes().put(key, new Index(name, c.table(), List.copyOf(c.columns()), c.unique()));
        }
    }

    private static void dropIndex(Schema schema, Change.DropIndex c) {
        // DROP INDEX i ON t (MySQL) drops t's index, not another table's of the same name
        String key = indexKey(schema, c.table(), c.name());
        if (key != null) {
            schema.indexes().remove(key);
            return;
        }
        if (c.table() == null) {
            return;
        }
        // MySQL: ALTER TABLE t DROP INDEX k also drops a UNIQUE constraint k, and DROP INDEX `PRIMARY` the key
        dropConstraint(schema, c.table(), c.name());
    }

    private static void renameIndex(Schema schema, String tableName, String from, String to) {
        String key = indexKey(schema, tableName, from);
        if (key != null) {
            Index index = schema.indexes().remove(key);
            String newKey = schema.indexes().containsKey(to) ? index.table() + "." + to : to;
            schema.indexes().put(newKey, index.withName(to));
            return;
        }
        // the index of a PRIMARY KEY / UNIQUE / EXCLUDE constraint has the constraint's name: renaming
        // the index renames the constraint (PostgreSQL ALTER INDEX, MySQL ALTER TABLE ... RENAME INDEX)
        List<String> candidates = tableName != null ? List.of(tableName) : List.copyOf(schema.tables().keySet());
        for (String name : candidates) {
            Table t = schema.table(name);
            if (t != null && t.constraints().stream().anyMatch(k -> indexBacked(k) && from.equals(k.name()))) {
                schema.writableTable(name).constraints().replaceAll(k -> indexBacked(k) && from.equals(k.name())
                        ? new ConstraintDef(to, k.kind(), k.columns(), k.refTable(), k.refColumns(), k.expression(),
                        k.notValid(), k.usingIndex())
                        : k);
                return;
            }
        }
    }

    // ---- views ----------------------------------------------------------------------------------

    private static void createView(Schema schema, Change.CreateView c) {
        View existing = schema.views().get(c.name());
        // CREATE OR REPLACE keeps the view's identity; a plain CREATE over an existing one is lenient too
        long lineage = existing != null ? existing.lineage() : schema.newLineage();
        schema.views().put(c.name(), new View(c.name(), lineage, ViewColumns.resolve(schema, c), Set.copyOf(c.reads()),
                c.materialized()));
    }

    private static boolean readsTable(View view, String table) {
        return view.reads().stream().anyMatch(r -> r.startsWith(table + "."));
    }

    private static View withReads(View v, Set<String> reads) {
        return reads.equals(v.reads()) ? v : new View(v.name(), v.lineage(), v.columns(), reads, v.materialized());
    }

    private static Set<String> renameReads(Set<String> reads, UnaryOperator<String> rename) {
        Set<String> renamed = new TreeSet<>();
        reads.forEach(r -> renamed.add(rename.apply(r)));
        return renamed;
    }

    // ---- types and functions --------------------------------------------------------------------

    private static void addEnumValue(Schema schema, Change.AddEnumValue c) {
        UserType type = schema.types().computeIfAbsent(c.type(),
                n -> new UserType(n, schema.newLineage(), UserType.Kind.ENUM, List.of(), null, false));
        List<String> values = new ArrayList<>(type.values());
        if (values.contains(c.value())) {
            return;
        }
        int at = values.size();
        if (c.before() != null && values.contains(c.before())) {
            at = values.indexOf(c.before());
        } else if (c.after() != null && values.contains(c.after())) {
            at = values.indexOf(c.after()) + 1;
        }
        values.add(at, c.value());
        schema.types().put(c.type(), type.withValues(values));
    }

    private static void renameEnumValue(Schema schema, Change.RenameEnumValue c) {
        UserType type = schema.types().get(c.type());
        if (type != null) {
            schema.types().put(c.type(), type.withValues(rename(type.values(), c.from(), c.to())));
        }
    }

    private static void renameType(Schema schema, String from, String to) {
        UserType type = schema.types().remove(from);
        if (type == null) {
            return;
        }
        schema.types().put(to, type.withName(to));
        // columns refer to the type itself, not its name: they follow
        List<String> using = new ArrayList<>();
        schema.tables().forEach((n, t) -> {
            if (t.columns().values().stream().anyMatch(col -> col.type() != null && from.equals(col.type().base()))) {
                using.add(n);
            }
        });
        for (String name : using) {
            Table t = schema.writableTable(name);
            Map<String, Column> updated = new LinkedHashMap<>();
            t.columns().forEach((n, col) -> updated.put(n, col.type() != null && from.equals(col.type().base())
                    ? col.withType(new SqlType(to, col.type().args(), col.type().enumValues(), col.type().array(),
                    col.type().raw()))
                    : col));
            t.columns().putAll(updated);
        }
    }

    private static void dropFunction(Schema schema, Change.DropFunction c) {
        Set<String> signatures = schema.functions().get(c.name());
        if (signatures == null) {
            return;
        }
        if (c.arguments() == null) {
            schema.functions().remove(c.name());
            return;
        }
        signatures.remove(signature(c.arguments()));
        // a function created without a known argument list matches any drop of that name
        signatures.remove("");
        if (signatures.isEmpty()) {
            schema.functions().remove(c.name());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<String> orEmpty(List<String> names) {
        return names == null ? List.of() : List.copyOf(names);
    }

    private static List<String> rename(List<String> names, String from, String to) {
        if (names == null) {
            return List.of();
        }
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    private static ConstraintDef withRefTable(ConstraintDef k, String refTable) {
        return new ConstraintDef(k.name(), k.kind(), k.columns(), refTable, k.refColumns(), k.expression(),
                k.notValid(), k.usingIndex());
    }
}
