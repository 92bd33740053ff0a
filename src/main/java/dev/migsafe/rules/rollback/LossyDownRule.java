package dev.migsafe.rules.rollback;

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.DataChange.Kind;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext.Script;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Table;

/**
 * The down script drops a table or column, or deletes rows: whatever the newer release wrote there
 * since the deploy is lost when the down runs.
 */
@RuleInfo(id = LossyDownRule.ID, name = "lossy-down", category = Category.ROLLBACK, severity = Severity.WARNING,
        summary = "The down script drops or deletes data written since the release.",
        fix = "Before running the down, copy the data away (or keep the table/column and only stop using it); prefer "
                + "an app-only rollback or a roll-forward when the schema stays compatible.",
        scripts = Script.DOWN)
public final class LossyDownRule implements Rule, DownMigrationRisk {
    public static final String ID = "RB302";

    @Override
    public void onChange(ChangeContext ctx) {
        Change change = ctx.change();
        if (change instanceof Change.DropTable c && ctx.before().table(c.table()) != null) {
            ctx.report(c.table(), "the down drops table " + c.table() + ": every row written to it since the deploy "
                    + "is lost when the down runs");
        } else if (change instanceof Change.DropColumn c && hasColumn(ctx.before().table(c.table()), c.column())) {
            ctx.report(c.table() + "." + c.column(), "the down drops column " + c.table() + "." + c.column()
                    + ": every value written to it since the deploy is lost when the down runs");
        } else if (change instanceof Change.DataChange c && (c.kind() == Kind.TRUNCATE || c.kind() == Kind.DELETE)) {
            for (String table : c.tables()) {
                ctx.report(table, "the down " + (c.kind() == Kind.TRUNCATE ? "truncates" : "deletes rows of") + " "
                        + table + ": rows written since the deploy are lost when the down runs");
            }
        }
    }

    private static boolean hasColumn(Table table, String column) {
        return table != null && (table.column(column) != null || !table.columnsKnown());
    }

    @Override
    public Risk downMigrationRisk() {
        return Risk.DOWN_LOSES_DATA;
    }
}
