package dev.migsafe.rules.compat;

import java.util.Optional;

import dev.migsafe.change.Change;
import dev.migsafe.rules.BackupTables;
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
 * A table of the older release dropped. Judged against the end of the window by name: not a break
 * when a table of the older release's name is there again at the end with the columns it uses (the
 * copy left by rebuilding a table under its own name, or a table dropped and created again; the lost
 * rows are DL201's).
 */
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
        String gap = WindowEnd.sameNameGap(ctx, old);
        if (gap == null) {
            return; // the older release finds its table, by name, at the end (dropped and created again, or rebuilt)
        }
        String backup = BackupTables.probableBackup(ctx.history(), old.name());
        if (backup != null) {
            ctx.reportAt(ctx.statement().statement().file(), ctx.statement().statement().line(),
                    ctx.statement().statement().summary(200), c.table(), "table " + old.name() + " is probably a leftover "
                            + "backup that no release uses: " + backup + ". migsafe does not read the application's code "
                            + "yet, so this comes from the migration history only: if the older release does query "
                            + old.name() + ", those queries fail with " + DatabaseErrors.missingTable(ctx.dialect(), old.name())
                            + " once it is dropped", "If no release you may roll back to reads the table, drop it and "
                            + "accept this warning (or suppress it with a reason); else keep it until none does.",
                    Severity.WARNING);
            return;
        }
        String which = old.name().equals(c.table()) ? "table " + old.name()
                : "table " + old.name() + " (named " + c.table() + " since it was renamed in this range)";
        String fails = ctx.end().table(old.name()) == null
                ? "its queries on " + old.name() + " fail with " + DatabaseErrors.missingTable(ctx.dialect(), old.name())
                : "the older release's queries fail on the table " + old.name() + " created in its place: " + gap;
        ctx.report(c.table(), "the older release still reads and writes " + which + "; once " + c.table()
                + " is dropped its rows are gone and " + fails + ", so going back needs a restore, not just the older "
                + "application");
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        return Optional.of(Remedy.manual("recreate the table as " + t.release()
                + " defines it and reload its rows from the backup taken before the deploy."));
    }
}
