package dev.migsafe.rules.compat;

import java.util.Optional;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.DatabaseErrors;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.RollForwardRemedy;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/** A column of the older release dropped. */
@RuleInfo(id = DropColumnRule.ID, name = "drop-column", category = Category.BACKWARD_COMPATIBILITY, severity = Severity.ERROR,
        summary = "A column the older release uses is dropped.",
        fix = "Expand/contract: first ship a release that no longer reads or writes the column (nullable or with "
                + "a default so inserts still work), then drop it in a later release.")
public final class DropColumnRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC104";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.DropColumn c)
                || !OlderRelease.hasColumn(ctx, c.table(), c.column())) {
            return;
        }
        String column = OlderRelease.columnName(ctx, c.table(), c.column());
        ctx.report(c.table() + "." + c.column(), "the older release still reads and writes "
                + OlderRelease.tableName(ctx, c.table()) + "." + column + "; once it is dropped its queries that name "
                + "it fail with " + DatabaseErrors.missingColumn(ctx.dialect(), column) + " and the column's data is gone");
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        if (t.newTable() == null || t.oldColumn() == null) {
            return Optional.empty();
        }
        return Optional.of(new Remedy("re-add the dropped column, nullable so that the newer release's inserts"
                + " still work, then reload its values from the backup taken before the deploy",
                "ALTER TABLE " + t.quote(t.newTable().name()) + " ADD COLUMN " + t.quote(t.columnName()) + " "
                        + t.typeOf(t.oldColumn()) + ";"));
    }
}
