package dev.migsafe.rules.dataloss;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/** A table or column that existed in the older release, and so holds its data, is dropped. */
@RuleInfo(id = DropWithDataRule.ID, name = "drop-with-data", category = Category.DATA_LOSS, severity = Severity.WARNING,
        summary = "A dropped table or column held data written by the older release.",
        fix = "Take a backup, or copy the data to an archive table, before the drop; drop in a later release once "
                + "nothing needs the data.")
public final class DropWithDataRule implements Rule, DownMigrationRisk {
    public static final String ID = "DL201";

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.change() instanceof Change.DropTable c && OlderRelease.table(ctx, c.table()) != null) {
            ctx.report(c.table(), "table " + c.table() + " holds the rows written up to this deploy; dropping it "
                    + "deletes them, and neither the older release nor a down migration can bring them back "
                    + "without a restore");
        } else if (ctx.change() instanceof Change.DropColumn c && OlderRelease.hasColumn(ctx, c.table(), c.column())) {
            ctx.report(c.table() + "." + c.column(), "column " + c.table() + "." + c.column() + " holds the values "
                    + "written up to this deploy; dropping it deletes them, and re-adding the column in a down "
                    + "migration gives back an empty column");
        }
    }

    @Override
    public Risk downMigrationRisk() {
        return Risk.UP_DESTROYED_DATA;
    }
}
