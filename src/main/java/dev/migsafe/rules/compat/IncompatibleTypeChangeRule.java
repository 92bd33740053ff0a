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
import dev.migsafe.schema.TypeCompatibility;
import dev.migsafe.schema.TypeCompatibility.Judgement;

/**
 * A column of the older release changes type. Judged by {@link TypeCompatibility#judge}: the size rules
 * and the dialect's cast table ({@code PostgresTypeCasts}, {@code MySqlTypeCasts}) say whether the
 * older release's reads and writes fail or change values (an error), keep working with another
 * behaviour such as a time zone or padding (a warning), or work as before (nothing).
 */
@RuleInfo(id = IncompatibleTypeChangeRule.ID, name = "incompatible-type-change", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.ERROR,
        summary = "A column the older release uses changes to a type its reads or writes fail on (a warning when "
                + "they keep working with another behaviour; widening is fine).",
        fix = "Add a column with the new type, backfill it and keep both in sync while both releases run, switch "
                + "readers, and drop the old column in a later release; or only widen (longer varchar, int to bigint).")
public final class IncompatibleTypeChangeRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC105";

    private static final String SHIFT_FIX = "Check that the older release copes with the difference the message "
            + "names while both releases run (or the roll-back window); to avoid it, add a column with the new type, "
            + "keep both in sync and switch readers in a later release.";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || edit.newType() == null || edit.before() == null
                || !OlderRelease.hasColumn(ctx, edit.table(), edit.column())) {
            return;
        }
        Judgement j = TypeCompatibility.judge(edit.before().type(), edit.newType(), ctx.dialect());
        String column = edit.table() + "." + edit.column();
        String message = column + " changes from " + edit.before().type() + " to " + edit.newType() + ": " + j.reason();
        switch (j.olderRelease()) {
            case NONE -> { }
            case SHIFT -> ctx.reportAt(ctx.statement().statement().file(), ctx.statement().statement().line(),
                    ctx.statement().statement().summary(200), column, message, SHIFT_FIX, Severity.WARNING);
            case BREAKS -> ctx.report(column, message);
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
