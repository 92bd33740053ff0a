package dev.migsafe.rules.dataloss;

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.DataChange.Kind;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/** TRUNCATE, or DELETE/UPDATE without WHERE, on a table that already held data before the window. */
@RuleInfo(id = UnboundedDmlRule.ID, name = "unbounded-dml", category = Category.DATA_LOSS, severity = Severity.WARNING,
        summary = "TRUNCATE, or DELETE/UPDATE without WHERE, on a table that holds data.",
        fix = "Restrict the statement with a WHERE clause, or copy the affected rows to a backup table first; keep "
                + "data fixes in a separate, reviewed step.")
public final class UnboundedDmlRule implements Rule {
    public static final String ID = "DL203";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.DataChange c)) {
            return;
        }
        String effect = effect(c);
        if (effect == null) {
            return;
        }
        for (String table : c.tables()) {
            boolean createdInWindow = ctx.before().table(table) != null && ctx.baseTable(table) == null;
            if (!createdInWindow) {
                ctx.report(table, c.kind() + " " + effect + " of " + table + " that exist at deploy time; no down "
                        + "migration or older release can bring the previous values back without a restore");
            }
        }
    }

    private static String effect(Change.DataChange c) {
        if (c.kind() == Kind.TRUNCATE) {
            return "removes every row";
        }
        if (c.hasWhere()) {
            return null;
        }
        return c.kind() == Kind.DELETE ? "without WHERE removes every row"
                : c.kind() == Kind.UPDATE ? "without WHERE rewrites every row" : null;
    }
}
