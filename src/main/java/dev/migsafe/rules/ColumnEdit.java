package dev.migsafe.rules;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;

/**
 * What a change does to an existing column, whatever its spelling: PostgreSQL's separate
 * {@code RENAME COLUMN}, {@code ALTER COLUMN ... TYPE / SET NOT NULL / DROP DEFAULT}, or MySQL's
 * {@code MODIFY}/{@code CHANGE COLUMN}, which redefine the column as a whole (an omitted NOT NULL or
 * DEFAULT is dropped). Rules ask this instead of matching each form.
 *
 * @param table        the table, as named just before the change
 * @param column       the column, as named just before the change
 * @param before       the column just before the change, or null when the model does not know it
 * @param renamedTo    the new name, or null when the name stays
 * @param newType      the new type, or null when the type stays
 * @param setsNotNull  a nullable column becomes NOT NULL
 * @param dropsDefault a default the column had is removed
 * @param redefinition for MySQL MODIFY/CHANGE, the whole new definition; else null
 */
public record ColumnEdit(String table, String column, Column before, String renamedTo, SqlType newType,
                         boolean setsNotNull, boolean dropsDefault, ColumnDef redefinition) {

    /** The edit this rule context's change makes, or null when it does not edit an existing column. */
    public static ColumnEdit of(ChangeContext ctx) {
        return of(ctx.change(), ctx.before());
    }

    /** The edit a change makes to a schema, or null when the change does not edit an existing column. */
    public static ColumnEdit of(Change change, Schema schema) {
        if (change instanceof Change.RenameColumn c) {
            return new ColumnEdit(c.table(), c.from(), column(schema, c.table(), c.from()), c.to(), null, false, false,
                    null);
        }
        if (change instanceof Change.AlterColumnType c) {
            Column col = column(schema, c.table(), c.column());
            boolean changes = col == null || !c.type().sameAs(col.type());
            return new ColumnEdit(c.table(), c.column(), col, null, changes ? c.type() : null, false, false, null);
        }
        if (change instanceof Change.SetNotNull c) {
            Column col = column(schema, c.table(), c.column());
            return new ColumnEdit(c.table(), c.column(), col, null, null, col != null && !col.notNull(), false, null);
        }
        if (change instanceof Change.DropDefault c) {
            Column col = column(schema, c.table(), c.column());
            return new ColumnEdit(c.table(), c.column(), col, null, null, false, col != null && col.defaultExpr() != null,
                    null);
        }
        if (change instanceof Change.RedefineColumn c) {
            Column col = column(schema, c.table(), c.oldName());
            ColumnDef def = c.column();
            String renamed = def.name().equals(c.oldName()) ? null : def.name();
            if (col == null) {
                return new ColumnEdit(c.table(), c.oldName(), null, renamed, def.type(), false, false, def);
            }
            SqlType type = def.type() != null && !def.type().sameAs(col.type()) ? def.type() : null;
            boolean dropsDefault = col.defaultExpr() != null && def.defaultExpr() == null && !def.generated();
            return new ColumnEdit(c.table(), c.oldName(), col, renamed, type, def.notNull() && !col.notNull(),
                    dropsDefault, def);
        }
        return null;
    }

    /** The column's NOT NULL once this change is applied. */
    public boolean notNullAfter() {
        if (redefinition != null) {
            return redefinition.notNull();
        }
        return setsNotNull || (before != null && before.notNull());
    }

    /** The database fills the column without the application once this change is applied. */
    public boolean hasValueWithoutAppAfter() {
        if (redefinition != null) {
            return redefinition.hasValueWithoutApp();
        }
        return !dropsDefault && before != null && before.hasValueWithoutApp();
    }

    private static Column column(Schema schema, String table, String column) {
        Table t = schema.table(table);
        return t == null ? null : t.column(column);
    }
}
