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
import dev.migsafe.schema.Table;

/** A table of the older release dropped. */
@RuleInfo(id = DropTableRule.ID, name = "drop-table", category = Category.BACKWARD_COMPATIBILITY, severity = Severity.ERROR,
        summary = "A table the older release uses is dropped.",
        fix = "Stop using the table in one release and drop it in a later one, once no release you may roll back "
                + "to still uses it; keep a backup of its data.")
public final class DropTableRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC103";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.DropTable c)) {
            return;
        }
        Table old = OlderRelease.table(ctx, c.table());
        if (old == null) {
            return;
        }
        ctx.report(c.table(), "the older release still reads and writes table " + old.name()
                + "; once it is dropped those queries fail with " + DatabaseErrors.missingTable(ctx.dialect(), old.name())
                + " and its rows are gone, so going back needs a restore, not just the older application");
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        return Optional.of(Remedy.manual("recreate the table as " + t.release()
                + " defines it and reload its rows from the backup taken before the deploy."));
    }
}
