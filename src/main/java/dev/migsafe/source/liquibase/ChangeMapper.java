package dev.migsafe.source.liquibase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.Names;
import dev.migsafe.sql.TypeNames;
import dev.migsafe.sql.ValueRewrites;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.AlterSequenceChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DeleteDataChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropPrimaryKeyChange;
import liquibase.change.core.DropProcedureChange;
import liquibase.change.core.DropSequenceChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.DropUniqueConstraintChange;
import liquibase.change.core.DropViewChange;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.InsertDataChange;
import liquibase.change.core.LoadDataChange;
import liquibase.change.core.LoadUpdateDataChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.OutputChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameSequenceChange;
import liquibase.change.core.RenameTableChange;
import liquibase.change.core.RenameViewChange;
import liquibase.change.core.SetColumnRemarksChange;
import liquibase.change.core.SetTableRemarksChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.change.core.UpdateDataChange;
import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.datatype.DataTypeFactory;
import liquibase.statement.DatabaseFunction;
import liquibase.statement.SequenceNextValueFunction;

/**
 * Maps one Liquibase change object straight to the engine's change events, for one dialect: no SQL
 * is generated and re-parsed. Column types go through Liquibase's own type translation for the
 * dialect ({@code INT} + autoIncrement is {@code serial}, {@code DATETIME} is {@code timestamp} on
 * PostgreSQL), then {@link TypeNames}. Changes made of SQL text ({@code sql}, {@code sqlFile},
 * {@code createView}, {@code createProcedure}) are not handled here but by the SQL path.
 */
final class ChangeMapper {
    private static final List<String> VOLATILE_FUNCTIONS = List.of("random", "uuid", "nextval", "clock_timestamp",
            "sys_guid", "newid");

    private final Dialect dialect;
    private final boolean quoteAll;
    private final Database database;

    /** @param quoteAll the changeSet quotes every name (objectQuotingStrategy QUOTE_ALL_OBJECTS) */
    ChangeMapper(Dialect dialect, boolean quoteAll) {
        this.dialect = dialect;
        this.quoteAll = quoteAll;
        this.database = switch (dialect) {
            case POSTGRESQL -> new PostgresDatabase();
            case MYSQL -> new MySQLDatabase();
        };
    }

    /** The change's events, or null when this change type is not mapped (the caller reports it as PS501). */
    List<Change> map(liquibase.change.Change c) {
        if (c instanceof CreateTableChange t) {
            return createTable(t);
        }
        if (c instanceof AddColumnChange a) {
            return addColumns(table(a.getSchemaName(), a.getTableName()), new ArrayList<>(a.getColumns()));
        }
        if (c instanceof DropColumnChange d) {
            String table = table(d.getSchemaName(), d.getTableName());
            List<Change> out = new ArrayList<>();
            if (d.getColumnName() != null) {
                out.add(new Change.DropColumn(table, name(d.getColumnName()), false));
            }
            d.getColumns().forEach(col -> out.add(new Change.DropColumn(table, name(col.getName()), false)));
            return out;
        }
        if (c instanceof RenameColumnChange r) {
            return List.of(new Change.RenameColumn(table(r.getSchemaName(), r.getTableName()), name(r.getOldColumnName()),
                    name(r.getNewColumnName())));
        }
        if (c instanceof RenameTableChange r) {
            return List.of(new Change.RenameTable(table(r.getSchemaName(), r.getOldTableName()),
                    table(r.getSchemaName(), r.getNewTableName())));
        }
        if (c instanceof DropTableChange d) {
            return List.of(new Change.DropTable(table(d.getSchemaName(), d.getTableName()), false,
                    Boolean.TRUE.equals(d.isCascadeConstraints())));
        }
        if (c instanceof ModifyDataTypeChange m) {
            return modifyDataType(m);
        }
        if (c instanceof AddNotNullConstraintChange n) {
            String table = table(n.getSchemaName(), n.getTableName());
            List<Change> out = new ArrayList<>();
            if (n.getDefaultNullValue() != null) {
                // Liquibase first fills the NULLs: UPDATE t SET c = value WHERE c IS NULL
                out.add(new Change.DataChange(Change.DataChange.Kind.UPDATE, List.of(table), true));
            }
            out.add(new Change.SetNotNull(table, name(n.getColumnName())));
            return out;
        }
        if (c instanceof DropNotNullConstraintChange n) {
            return List.of(new Change.DropNotNull(table(n.getSchemaName(), n.getTableName()), name(n.getColumnName())));
        }
        if (c instanceof AddDefaultValueChange d) {
            return List.of(addDefault(d));
        }
        if (c instanceof DropDefaultValueChange d) {
            return List.of(new Change.DropDefault(table(d.getSchemaName(), d.getTableName()), name(d.getColumnName())));
        }
        if (c instanceof AddUniqueConstraintChange u) {
            return List.of(new Change.AddConstraint(table(u.getSchemaName(), u.getTableName()),
                    constraint(u.getConstraintName(), ConstraintDef.Kind.UNIQUE, u.getColumnNames(), null, null)));
        }
        if (c instanceof AddPrimaryKeyChange p) {
            return List.of(new Change.AddConstraint(table(p.getSchemaName(), p.getTableName()),
                    constraint(p.getConstraintName(), ConstraintDef.Kind.PRIMARY_KEY, p.getColumnNames(), null, null)));
        }
        if (c instanceof AddForeignKeyConstraintChange f) {
            return List.of(new Change.AddConstraint(table(f.getBaseTableSchemaName(), f.getBaseTableName()),
                    constraint(f.getConstraintName(), ConstraintDef.Kind.FOREIGN_KEY, f.getBaseColumnNames(),
                            table(f.getReferencedTableSchemaName(), f.getReferencedTableName()),
                            f.getReferencedColumnNames())));
        }
        if (c instanceof DropUniqueConstraintChange d) {
            return List.of(new Change.DropConstraint(table(d.getSchemaName(), d.getTableName()),
                    nameOrNull(d.getConstraintName()), false));
        }
        if (c instanceof DropPrimaryKeyChange d) {
            return List.of(new Change.DropConstraint(table(d.getSchemaName(), d.getTableName()),
                    nameOrNull(d.getConstraintName()), false));
        }
        if (c instanceof DropForeignKeyConstraintChange d) {
            return List.of(new Change.DropConstraint(table(d.getBaseTableSchemaName(), d.getBaseTableName()),
                    nameOrNull(d.getConstraintName()), false));
        }
        if (c instanceof CreateIndexChange i) {
            List<String> columns = i.getColumns().stream()
                    .map(col -> Boolean.TRUE.equals(col.getComputed()) ? col.getName() : name(col.getName())).toList();
            return List.of(new Change.CreateIndex(nameOrNull(i.getIndexName()), table(i.getSchemaName(), i.getTableName()),
                    columns, Boolean.TRUE.equals(i.isUnique()), false, false));
        }
        if (c instanceof DropIndexChange i) {
            String table = i.getTableName() == null ? null : table(i.getSchemaName(), i.getTableName());
            return List.of(new Change.DropIndex(name(i.getIndexName()), dialect.syntax().indexNamesPerTable() ? table : null, false,
                    false));
        }
        if (c instanceof DropViewChange v) {
            return List.of(new Change.DropView(table(v.getSchemaName(), v.getViewName()),
                    Boolean.TRUE.equals(v.isIfExists()), false));
        }
        if (c instanceof RenameViewChange v) {
            return List.of(new Change.RenameView(table(v.getSchemaName(), v.getOldViewName()),
                    table(v.getSchemaName(), v.getNewViewName())));
        }
        if (c instanceof CreateSequenceChange s) {
            return List.of(new Change.CreateSequence(table(s.getSchemaName(), s.getSequenceName()), false));
        }
        if (c instanceof DropSequenceChange s) {
            return List.of(new Change.DropSequence(table(s.getSchemaName(), s.getSequenceName()), false));
        }
        if (c instanceof RenameSequenceChange s) {
            return List.of(new Change.RenameSequence(table(s.getSchemaName(), s.getOldSequenceName()),
                    table(s.getSchemaName(), s.getNewSequenceName())));
        }
        if (c instanceof AlterSequenceChange s) {
            return List.of(new Change.Other("ALTER SEQUENCE", table(s.getSchemaName(), s.getSequenceName())));
        }
        if (c instanceof DropProcedureChange p) {
            return List.of(new Change.DropFunction(table(p.getSchemaName(), p.getProcedureName()), null, false, true));
        }
        if (c instanceof LoadUpdateDataChange l) {
            return List.of(new Change.DataChange(Change.DataChange.Kind.MERGE, List.of(table(l.getSchemaName(),
                    l.getTableName())), false));
        }
        if (c instanceof LoadDataChange l) {
            return List.of(new Change.DataChange(Change.DataChange.Kind.INSERT, List.of(table(l.getSchemaName(),
                    l.getTableName())), false));
        }
        if (c instanceof InsertDataChange i) {
            return List.of(new Change.DataChange(Change.DataChange.Kind.INSERT, List.of(table(i.getSchemaName(),
                    i.getTableName())), false));
        }
        if (c instanceof UpdateDataChange u) {
            Map<String, String> literals = new LinkedHashMap<>();
            u.getColumns().stream().filter(col -> col.getName() != null && col.getValue() != null)
                    .forEach(col -> literals.put(raw(col.getName()), col.getValue()));
            return List.of(new Change.DataChange(Change.DataChange.Kind.UPDATE, List.of(table(u.getSchemaName(),
                    u.getTableName())), u.getWhere() != null && !u.getWhere().isBlank(),
                    ValueRewrites.of(literals, u.getWhere(), dialect)));
        }
        if (c instanceof DeleteDataChange d) {
            return List.of(new Change.DataChange(Change.DataChange.Kind.DELETE, List.of(table(d.getSchemaName(),
                    d.getTableName())), d.getWhere() != null && !d.getWhere().isBlank()));
        }
        if (c instanceof TagDatabaseChange t) {
            return List.of(new Change.Other("TAG DATABASE", t.getTag()));
        }
        if (c instanceof SetTableRemarksChange r) {
            return List.of(new Change.Other("COMMENT ON TABLE", table(r.getSchemaName(), r.getTableName())));
        }
        if (c instanceof SetColumnRemarksChange r) {
            return List.of(new Change.Other("COMMENT ON COLUMN", table(r.getSchemaName(), r.getTableName()) + "."
                    + name(r.getColumnName())));
        }
        if (c instanceof EmptyChange || c instanceof OutputChange) {
            return List.of(new Change.Other(c.getSerializedObjectName().toUpperCase(Locale.ROOT), ""));
        }
        return null;
    }

    private List<Change> createTable(CreateTableChange t) {
        String table = table(t.getSchemaName(), t.getTableName());
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        String primaryKeyName = null;
        for (ColumnConfig col : t.getColumns()) {
            columns.add(column(col));
            ConstraintsConfig cc = col.getConstraints();
            if (cc != null && Boolean.TRUE.equals(cc.isPrimaryKey())) {
                primaryKey.add(name(col.getName()));
                primaryKeyName = cc.getPrimaryKeyName() != null ? cc.getPrimaryKeyName() : primaryKeyName;
            }
            constraints.addAll(inlineConstraints(col, false));
        }
        if (!primaryKey.isEmpty()) {
            constraints.add(0, new ConstraintDef(nameOrNull(primaryKeyName), ConstraintDef.Kind.PRIMARY_KEY, primaryKey,
                    null, List.of(), null, false, null));
        }
        return List.of(new Change.CreateTable(table, columns, constraints, Boolean.TRUE.equals(t.getIfNotExists()), true));
    }

    private List<Change> addColumns(String table, List<ColumnConfig> columns) {
        List<Change> out = new ArrayList<>();
        for (ColumnConfig col : columns) {
            out.add(new Change.AddColumn(table, column(col), false));
            inlineConstraints(col, true).forEach(c -> out.add(new Change.AddConstraint(table, c)));
        }
        return out;
    }

    /** Unique, foreign key, check and (for added columns) primary key constraints written on a column. */
    private List<ConstraintDef> inlineConstraints(ColumnConfig col, boolean withPrimaryKey) {
        ConstraintsConfig cc = col.getConstraints();
        List<ConstraintDef> out = new ArrayList<>();
        if (cc == null) {
            return out;
        }
        String column = name(col.getName());
        if (withPrimaryKey && Boolean.TRUE.equals(cc.isPrimaryKey())) {
            out.add(new ConstraintDef(nameOrNull(cc.getPrimaryKeyName()), ConstraintDef.Kind.PRIMARY_KEY, List.of(column),
                    null, List.of(), null, false, null));
        }
        if (Boolean.TRUE.equals(cc.isUnique())) {
            out.add(new ConstraintDef(nameOrNull(cc.getUniqueConstraintName()), ConstraintDef.Kind.UNIQUE, List.of(column),
                    null, List.of(), null, false, null));
        }
        String refTable = cc.getReferencedTableName();
        String refColumns = cc.getReferencedColumnNames();
        if (refTable == null && cc.getReferences() != null) {
            // references="table(column)"
            String ref = cc.getReferences();
            int open = ref.indexOf('(');
            refTable = open < 0 ? ref : ref.substring(0, open);
            refColumns = open < 0 ? null : ref.substring(open + 1, ref.lastIndexOf(')'));
        }
        if (refTable != null) {
            out.add(new ConstraintDef(nameOrNull(cc.getForeignKeyName()), ConstraintDef.Kind.FOREIGN_KEY, List.of(column),
                    table(cc.getReferencedTableSchemaName(), refTable.trim()), names(refColumns), null, false, null));
        }
        if (cc.getCheckConstraint() != null) {
            out.add(new ConstraintDef(null, ConstraintDef.Kind.CHECK, List.of(column), null, List.of(),
                    cc.getCheckConstraint(), false, null));
        }
        return out;
    }

    private ColumnDef column(ColumnConfig col) {
        ConstraintsConfig cc = col.getConstraints();
        boolean primaryKey = cc != null && Boolean.TRUE.equals(cc.isPrimaryKey());
        boolean notNull = primaryKey || cc != null && Boolean.FALSE.equals(cc.isNullable());
        boolean autoIncrement = Boolean.TRUE.equals(col.isAutoIncrement());
        Object defaultValue = col.getDefaultValueObject();
        return new ColumnDef(name(col.getName()), type(col.getType(), autoIncrement), notNull, defaultExpression(defaultValue),
                autoIncrement || col.getGenerationType() != null, isVolatile(defaultValue));
    }

    private List<Change> modifyDataType(ModifyDataTypeChange m) {
        String table = table(m.getSchemaName(), m.getTableName());
        String column = name(m.getColumnName());
        SqlType type = type(m.getNewDataType(), false);
        return switch (dialect) {
            case POSTGRESQL -> List.of(new Change.AlterColumnType(table, column, type, null));
            // Liquibase writes ALTER TABLE ... MODIFY col type: MySQL redefines the column, so an omitted
            // NOT NULL or DEFAULT is dropped, exactly as for a hand-written MODIFY
            case MYSQL -> List.of(new Change.RedefineColumn(table, column, new ColumnDef(column, type, false, null, false, false)));
        };
    }

    private Change addDefault(AddDefaultValueChange d) {
        Object value = d.getDefaultValue() != null ? d.getDefaultValue()
                : d.getDefaultValueNumeric() != null ? d.getDefaultValueNumeric()
                : d.getDefaultValueBoolean() != null ? d.getDefaultValueBoolean()
                : d.getDefaultValueDate() != null ? d.getDefaultValueDate()
                : d.getDefaultValueComputed() != null ? d.getDefaultValueComputed()
                : d.getDefaultValueSequenceNext();
        String expression = d.getDefaultValue() != null ? "'" + d.getDefaultValue().replace("'", "''") + "'"
                : defaultExpression(value);
        return new Change.SetDefault(table(d.getSchemaName(), d.getTableName()), name(d.getColumnName()),
                expression, isVolatile(value));
    }

    private static String defaultExpression(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof SequenceNextValueFunction f) {
            return "nextval('" + f.getValue() + "')";
        }
        return String.valueOf(value instanceof DatabaseFunction f ? f.getValue() : value);
    }

    private static boolean isVolatile(Object value) {
        if (value instanceof SequenceNextValueFunction) {
            return true;
        }
        if (value instanceof DatabaseFunction f && f.getValue() != null) {
            String v = f.getValue().toLowerCase(Locale.ROOT);
            return VOLATILE_FUNCTIONS.stream().anyMatch(v::contains);
        }
        return false;
    }

    /** Liquibase's translation of its type names for the dialect, then the engine's normalisation. */
    SqlType type(String liquibaseType, boolean autoIncrement) {
        if (liquibaseType == null) {
            return SqlType.of("unknown");
        }
        String written = liquibaseType.trim();
        try {
            liquibase.datatype.LiquibaseDataType type = DataTypeFactory.getInstance().fromDescription(
                    written + (autoIncrement ? "{autoIncrement:true}" : ""), database);
            written = type.toDatabaseDataType(database).toString();
        } catch (RuntimeException e) {
            // an unusual spelling Liquibase cannot translate: keep it as written
        }
        return TypeNames.parse(written, dialect);
    }

    private ConstraintDef constraint(String name, ConstraintDef.Kind kind, String columns, String refTable,
                                     String refColumns) {
        return new ConstraintDef(nameOrNull(name), kind, names(columns), refTable, names(refColumns), null, false, null);
    }

    private List<String> names(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(this::name)
                .toList();
    }

    /** Schema-qualified table (or view, sequence) name, normalised as the SQL path would. */
    String table(String schema, String table) {
        if (table == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (schema != null && !schema.isBlank()) {
            parts.add(raw(schema));
        }
        parts.add(raw(table));
        return Names.qualified(parts, dialect);
    }

    String name(String name) {
        return name == null ? "" : Names.identifier(raw(name), dialect);
    }

    private String nameOrNull(String name) {
        return name == null ? null : name(name);
    }

    /** Liquibase writes names unquoted (so the database folds them) unless the changeSet quotes all objects. */
    private String raw(String name) {
        String n = name.trim();
        if (quoteAll && !Names.isQuoted(n)) {
            return "\"" + n.replace("\"", "\"\"") + "\"";
        }
        return n;
    }
}
