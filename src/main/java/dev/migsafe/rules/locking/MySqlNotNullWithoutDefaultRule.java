package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;

/**
 * MySQL/MariaDB: a NOT NULL column without a DEFAULT on an existing table. Added, it silently fills
 * existing rows with the type's implicit default (0, '', the zero date); made NOT NULL by MODIFY /
 * CHANGE, it rebuilds the table and fails in strict mode as soon as one row holds NULL (or, not
 * strict, turns those NULLs into the implicit default).
 */
@LockClaim(LockClaim.Shows.NOT_MEASURABLE)
@RuleInfo(id = MySqlNotNullWithoutDefaultRule.ID, name = "mysql-not-null-without-default", category = Category.LOCKING,
        severity = Severity.WARNING,
        summary = "A MySQL/MariaDB column on an existing table becomes NOT NULL without a DEFAULT.",
        fix = "Give the column an explicit DEFAULT; to tighten an existing column, backfill the NULLs in batches first, "
                + "then MODIFY it with NOT NULL and a DEFAULT.",
        dialects = Dialect.MYSQL)
public final class MySqlNotNullWithoutDefaultRule implements Rule {
    public static final String ID = "LK613";

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.change() instanceof Change.AddColumn c) {
            ColumnDef col = c.column();
            if (col.notNull() && !col.hasValueWithoutApp() && ExistingTables.existed(ctx, c.table())) {
                ctx.report(c.table() + "." + col.name(), "NOT NULL column " + col.name() + " without a DEFAULT: MySQL "
                        + "fills every existing row of " + c.table() + " with the implicit default of " + col.type()
                        + " (0, '' or a zero date), which no one chose");
            }
            return;
        }
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit != null && edit.setsNotNull() && !edit.hasValueWithoutAppAfter()
                && ExistingTables.existed(ctx, edit.table())) {
            ctx.report(edit.table() + "." + edit.column(), "making " + edit.table() + "." + edit.column() + " NOT NULL "
                    + "without a DEFAULT rebuilds the table and, in strict mode, fails if any row holds NULL (otherwise "
                    + "those NULLs silently become the type's implicit default)");
        }
    }
}
