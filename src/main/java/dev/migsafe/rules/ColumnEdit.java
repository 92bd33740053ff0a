package dev.migsafe.rules;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.schema.Column;
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
 */
public record ColumnEdit(String table, String column, Column before, String renamedTo, SqlType newType,
                         boolean setsNotNull, boolean dropsDefault) {

    /** The edit a change makes, or null when the change does not edit an existing column. */
    public static ColumnEdit of(ChangeContext ctx) {
        Change change = ctx.change();
        if (change instanceof Change.RenameColumn c) {
            return edit(ctx, c.table(), c.from(), c.to(), null, false, false);
        }
        if (change instanceof Change.AlterColumnType c) {
            Column col = column(ctx, c.table(), c.column());
            boolean changes = col == null || !c.type().sameAs(col.type());
            return edit(ctx, c.table(), c.column(), null, changes ? c.type() : null, false, false);
        }
        if (change instanceof Change.SetNotNull c) {
            Column col = column(ctx, c.table(), c.column());
            return edit(ctx, c.table(), c.column(), null, null, col != null && !col.notNull(), false);
        }
        if (change instanceof Change.DropDefault c) {
            Column col = column(ctx, c.table(), c.column());
            return edit(ctx, c.table(), c.column(), null, null, false, col != null && col.defaultExpr() != null);
        }
        if (change instanceof Change.RedefineColumn c) {
            Column col = column(ctx, c.table(), c.oldName());
            ColumnDef def = c.column();
            String renamed = def.name().equals(c.oldName()) ? null : def.name();
            if (col == null) {
                return edit(ctx, c.table(), c.oldName(), renamed, def.type(), false, false);
            }
            SqlType type = def.type() != null && !def.type().sameAs(col.type()) ? def.type() : null;
            boolean dropsDefault = col.defaultExpr() != null && def.defaultExpr() == null && !def.generated();
            return edit(ctx, c.table(), c.oldName(), renamed, type, def.notNull() && !col.notNull(), dropsDefault);
        }
        return null;
    }

    /** The column's NOT NULL once this change is applied. */
    public boolean notNullAfter(ChangeContext ctx) {
        if (ctx.change() instanceof Change.RedefineColumn c) {
            return c.column().notNull();
        }
        return setsNotNull || (before != null && before.notNull());
    }

    /** The database fills the column without the application once this change is applied. */
    public boolean hasValueWithoutAppAfter(ChangeContext ctx) {
        if (ctx.change() instanceof Change.RedefineColumn c) {
            return c.column().hasValueWithoutApp();
        }
        return !dropsDefault && before != null && before.hasValueWithoutApp();
    }

    private static ColumnEdit edit(ChangeContext ctx, String table, String column, String renamedTo, SqlType newType,
                                   boolean setsNotNull, boolean dropsDefault) {
        return new ColumnEdit(table, column, column(ctx, table, column), renamedTo, newType, setsNotNull, dropsDefault);
    }

    private static Column column(ChangeContext ctx, String table, String column) {
        Table t = ctx.before().table(table);
        return t == null ? null : t.column(column);
    }
}
