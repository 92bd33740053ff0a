package dev.migsafe.rules.dataloss;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.TypeCompatibility;
import dev.migsafe.schema.TypeCompatibility.Compatibility;

/**
 * A type change on a column holding data that truncates values or fails on some of them: a
 * narrowing (shorter varchar, smaller integer, less precision) or a conversion that not every
 * stored value survives (text to integer, timestamp to date, enum value removed).
 */
@RuleInfo(id = LossyTypeChangeRule.ID, name = "lossy-type-change", category = Category.DATA_LOSS, severity = Severity.ERROR,
        summary = "A type change truncates existing values or fails on some of them.",
        fix = "Check the existing data first (e.g. SELECT count(*) WHERE length(col) > n), or write into a new column "
                + "with an explicit conversion and keep the old one until the result is verified.")
public final class LossyTypeChangeRule implements Rule, DownMigrationRisk {
    public static final String ID = "DL202";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || edit.newType() == null || edit.before() == null
                || !OlderRelease.hasColumn(ctx, edit.table(), edit.column())
                || !TypeCompatibility.mayFailOrLoseData(edit.before().type(), edit.newType(), ctx.dialect())) {
            return;
        }
        String column = edit.table() + "." + edit.column();
        String change = "converting " + column + " from " + edit.before().type() + " to " + edit.newType();
        if (TypeCompatibility.classify(edit.before().type(), edit.newType(), ctx.dialect()) == Compatibility.NARROWING) {
            ctx.report(column, change + " narrows it: existing values that do not fit are cut or rounded, or make "
                    + "the migration fail halfway; the original values cannot be recovered by converting back");
        } else {
            ctx.report(column, change + " cannot convert every existing value: the migration fails on the first "
                    + "one that does not convert, or loses what the new type cannot hold");
        }
    }

    @Override
    public Risk downMigrationRisk() {
        return Risk.UP_DESTROYED_DATA;
    }
}
