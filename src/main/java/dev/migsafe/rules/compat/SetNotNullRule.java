package dev.migsafe.rules.compat;

import java.util.Optional;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.DatabaseErrors;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.RollForwardRemedy;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.rules.WindowEnd;
import dev.migsafe.schema.Column;

/**
 * A column the older release knows as nullable becomes NOT NULL, and has no default at the end of
 * the window: the older release may insert without it, or write NULL.
 */
@RuleInfo(id = SetNotNullRule.ID, name = "set-not-null", category = Category.BACKWARD_COMPATIBILITY, severity = Severity.ERROR,
        summary = "A nullable column the older release writes becomes NOT NULL without a default.",
        fix = "Give the column a DEFAULT in the same release, or keep it nullable until no release you may roll back "
                + "to writes NULL; on PostgreSQL add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL.")
public final class SetNotNullRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC107";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || !edit.setsNotNull() || !OlderRelease.hasColumn(ctx, edit.table(), edit.column())) {
            return;
        }
        Column old = ctx.baseColumn(edit.table(), edit.column());
        if (old != null && old.notNull()) {
            return; // the older release always wrote it
        }
        Column atEnd = WindowEnd.column(ctx, edit.table(), edit.column());
        if (atEnd == null || !atEnd.notNull() || atEnd.hasValueWithoutApp()) {
            return;
        }
        String oldName = OlderRelease.tableName(ctx, edit.table()) + "."
                + OlderRelease.columnName(ctx, edit.table(), edit.column());
        ctx.report(edit.table() + "." + edit.column(), "the older release treats " + oldName
                + " as nullable and may insert rows without it or set it to NULL; with NOT NULL and no default those "
                + "writes fail with " + DatabaseErrors.notNullViolation(ctx.dialect(), edit.table(), edit.column()));
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        return dropNotNull(t);
    }

    /** Lets the older release's inserts (which omit the column) through again. */
    static Optional<Remedy> dropNotNull(Target t) {
        if (t.newTable() == null || t.newColumn() == null) {
            return Optional.empty();
        }
        String table = t.quote(t.newTable().name());
        String column = t.quote(t.newColumn().name());
        String sql = switch (t.dialect()) {
            case POSTGRESQL -> "ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL;";
            case MYSQL -> "ALTER TABLE " + table + " MODIFY " + column + " " + t.typeOf(t.newColumn()) + " NULL;";
        };
        return Optional.of(new Remedy("let the older release's inserts through again: drop the NOT NULL"
                + " (or give the column a default)", sql));
    }
}
