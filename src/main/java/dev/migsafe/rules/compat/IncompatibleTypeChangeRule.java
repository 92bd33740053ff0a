package dev.migsafe.rules.compat;

import java.util.Optional;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.RollForwardRemedy;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.TypeCompatibility.Compatibility;
import dev.migsafe.schema.TypeCompatibility;

/** A column of the older release changes to a type that does not hold what the older release writes. */
@RuleInfo(id = IncompatibleTypeChangeRule.ID, name = "incompatible-type-change", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.ERROR,
        summary = "A column the older release uses changes to a narrower or different type (widening is fine).",
        fix = "Add a column with the new type, backfill it and keep both in sync while both releases run, switch "
                + "readers, and drop the old column in a later release; or only widen (longer varchar, int to bigint).")
public final class IncompatibleTypeChangeRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC105";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || edit.newType() == null || edit.before() == null
                || !OlderRelease.hasColumn(ctx, edit.table(), edit.column())) {
            return;
        }
        Compatibility c = TypeCompatibility.classify(edit.before().type(), edit.newType(), ctx.dialect());
        String column = edit.table() + "." + edit.column();
        String change = column + " changes from " + edit.before().type() + " to " + edit.newType();
        if (c == Compatibility.NARROWING) {
            ctx.report(column, change + ", which is narrower: values the older release still writes that fit the old "
                    + "type but not the new one are rejected (or cut), so its inserts and updates fail");
        } else if (c == Compatibility.INCOMPATIBLE) {
            ctx.report(column, change + ": the older release still reads and writes it as " + edit.before().type()
                    + "; it gets values of another type back and its writes may be rejected or converted");
        }
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        if (t.newTable() == null || t.oldColumn() == null || t.newColumn() == null) {
            return Optional.empty();
        }
        String table = t.quote(t.newTable().name());
        String column = t.quote(t.newColumn().name());
        String oldType = t.typeOf(t.oldColumn());
        // MySQL's MODIFY redefines the column, so its NOT NULL is restated
        String sql = switch (t.dialect()) {
            case POSTGRESQL -> "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + oldType + ";";
            case MYSQL -> "ALTER TABLE " + table + " MODIFY " + column + " " + oldType
                    + (t.oldColumn().notNull() ? " NOT NULL" : "") + ";";
        };
        return Optional.of(new Remedy("give the column back its older type " + oldType, sql));
    }
}
