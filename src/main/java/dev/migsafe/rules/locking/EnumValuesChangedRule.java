package dev.migsafe.rules.locking;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.change.SqlType;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;

/**
 * MySQL/MariaDB ENUM and SET columns store value positions. Appending values at the end is an
 * INSTANT change; reordering, inserting in the middle or removing values copies the table, changes
 * what the stored numbers and sort order mean, and turns rows holding a removed value into '' (or
 * fails the ALTER in strict mode) while the older release keeps writing them.
 */
@LockClaim(LockClaim.Shows.REWRITE)
@RuleInfo(id = EnumValuesChangedRule.ID, name = "enum-values-reordered", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "MySQL ENUM/SET values are reordered, inserted before existing ones, or removed.",
        fix = "Only append new values at the end of the list; retire a value by no longer writing it, and remove it "
                + "later, after migrating the rows that hold it.",
        dialects = Dialect.MYSQL)
public final class EnumValuesChangedRule implements Rule {
    public static final String ID = "LK612";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || edit.before() == null || edit.newType() == null || edit.before().type() == null) {
            return;
        }
        SqlType from = edit.before().type();
        SqlType to = edit.newType();
        if (from.enumValues().isEmpty() || to.enumValues().isEmpty() || MySqlAlgorithm.appends(from.enumValues(),
                to.enumValues()) || !ExistingTables.existed(ctx, edit.table())) {
            return;
        }
        List<String> removed = new ArrayList<>(from.enumValues());
        removed.removeAll(to.enumValues());
        String change = removed.isEmpty() ? "reorders or inserts values before existing ones"
                : "removes " + String.join(", ", removed.stream().map(v -> "'" + v + "'").toList());
        ctx.report(edit.table() + "." + edit.column(), from.base().toUpperCase() + " change of " + edit.table() + "."
                + edit.column() + " " + change + ": the table is copied, stored positions change meaning"
                + (removed.isEmpty() ? "" : ", and rows or writes of the older release holding a removed value fail "
                + "or become ''"));
    }
}
