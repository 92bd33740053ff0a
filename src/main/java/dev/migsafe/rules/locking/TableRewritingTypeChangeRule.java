package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Table;
import dev.migsafe.dialect.Dialect;

/** PostgreSQL: a column type change that rewrites the whole table under an ACCESS EXCLUSIVE lock. */
@LockClaim(LockClaim.Shows.REWRITE)
@RuleInfo(id = TableRewritingTypeChangeRule.ID, name = "table-rewriting-type-change", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "A column type change rewrites an existing table and its indexes under an ACCESS EXCLUSIVE lock.",
        fix = "Add a column of the new type, fill it in batches (and keep it in step with a trigger or dual writes), "
                + "switch readers, then drop the old column; changes that need no rewrite (longer varchar, varchar to "
                + "text, more numeric precision with the same scale) are fine.",
        dialects = Dialect.POSTGRESQL)
public final class TableRewritingTypeChangeRule implements Rule {
    public static final String ID = "LK605";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.AlterColumnType c)
                || !ExistingTables.existed(ctx, c.table())) {
            return;
        }
        Table table = ctx.before().table(c.table());
        Column column = table == null ? null : table.column(c.column());
        String object = c.table() + "." + c.column();
        if (column == null || column.type() == null) {
            ctx.report(object, "changing " + object + " to " + c.type() + " rewrites " + c.table() + " and rebuilds its "
                    + "indexes under an ACCESS EXCLUSIVE lock unless the old type converts without one (the old type "
                    + "is unknown to migsafe)");
        } else if (PostgresTypeRewrite.rewrites(column.type(), c.type())) {
            ctx.report(object, "changing " + object + " from " + column.type() + " to " + c.type() + " rewrites "
                    + c.table() + " and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait "
                    + "for the whole rewrite");
        }
    }
}
