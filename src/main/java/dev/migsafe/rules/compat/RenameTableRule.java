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
import dev.migsafe.rules.WindowEnd;
import dev.migsafe.schema.Table;

/**
 * A table of the older release renamed. Not a break when, at the end of the window, a relation
 * under the old name (a compatibility view) still serves every column the older release had, with
 * the same data, or when a table of the old name is there again with the columns the older release
 * uses (a table rebuilt under its own name: rename away, create, copy the rows, drop the copy).
 */
@RuleInfo(id = RenameTableRule.ID, name = "rename-table", category = Category.BACKWARD_COMPATIBILITY, severity = Severity.ERROR,
        summary = "A table the older release uses is renamed.",
        fix = "Keep the old name working until the older release is retired: rename the table and, in the same "
                + "release, CREATE VIEW <old_name> AS SELECT ... FROM <new_name> (updatable for a single table); "
                + "drop the view in a later release.")
public final class RenameTableRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC101";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.RenameTable c)) {
            return;
        }
        Table old = OlderRelease.table(ctx, c.from());
        // a table renamed twice in the window is reported at the rename that takes its older name away
        if (old == null || !old.name().equals(c.from())
                || OlderRelease.stillServed(ctx.end(), old.name(), old.columns().values())) {
            return;
        }
        String gap = WindowEnd.sameNameGap(ctx, old);
        if (gap == null) {
            return; // rebuilt: a table of the old name with what the older release uses is there at the end
        }
        if (ctx.end().table(old.name()) == null) {
            ctx.report(c.from(), "the older release still reads and writes table " + c.from() + "; after it is renamed to "
                    + c.to() + " those queries fail with " + DatabaseErrors.missingTable(ctx.dialect(), c.from())
                    + ", so rolling back the application alone is no longer possible");
            return;
        }
        ctx.report(c.from(), "the older release still reads and writes table " + c.from() + "; it is renamed to "
                + c.to() + " and a new table " + c.from() + " takes its name by the end of the range, but " + gap
                + ", so the older release's queries on it fail");
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        if (t.newTable() == null) {
            return Optional.empty();
        }
        return Optional.of(new Remedy("serve the old table name through a view on the renamed table",
                "CREATE VIEW " + t.quote(t.tableName()) + " AS SELECT * FROM " + t.quote(t.newTable().name()) + ";"));
    }
}
