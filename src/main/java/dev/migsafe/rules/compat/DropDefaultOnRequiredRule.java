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

/**
 * The default of a NOT NULL column of the older release is dropped (DROP DEFAULT, or a MySQL
 * MODIFY that omits it): the older release's inserts that rely on the default fail.
 */
@RuleInfo(id = DropDefaultOnRequiredRule.ID, name = "drop-default-on-required", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.ERROR,
        summary = "The default of a NOT NULL column the older release writes is dropped.",
        fix = "Keep the default until no release you may roll back to inserts without the column; on MySQL repeat "
                + "the DEFAULT in MODIFY/CHANGE COLUMN, which otherwise drops it.")
public final class DropDefaultOnRequiredRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC108";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || !edit.dropsDefault() || !edit.notNullAfter() || edit.hasValueWithoutAppAfter()
                || edit.before() == null || edit.before().generated()
                || !OlderRelease.hasColumn(ctx, edit.table(), edit.column())) {
            return;
        }
        String column = edit.table() + "." + edit.column();
        String name = edit.renamedTo() != null ? edit.renamedTo() : edit.column();
        ctx.report(column, column + " is NOT NULL and loses its default " + edit.before().defaultExpr()
                + ": the older release's inserts that leave it to the default now fail with "
                + DatabaseErrors.notNullViolation(ctx.dialect(), edit.table(), name));
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        if (t.newTable() == null || t.newColumn() == null || t.oldColumn() == null
                || t.oldColumn().defaultExpr() == null) {
            return Optional.empty();
        }
        return Optional.of(new Remedy("put the default back", "ALTER TABLE " + t.quote(t.newTable().name())
                + " ALTER COLUMN " + t.quote(t.newColumn().name()) + " SET DEFAULT " + t.oldColumn().defaultExpr() + ";"));
    }
}
