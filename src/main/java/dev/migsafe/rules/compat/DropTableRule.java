package dev.migsafe.rules.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import dev.migsafe.source.Migration;

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
        String backup = probableBackup(ctx, old.name());
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

    /**
     * Why the older release's table {@code name} is probably a backup that no release's code uses, or
     * null. Judged from the older history, as migsafe does not read the code yet: the last older
     * migration that touches the table made it, by renaming an application table to it (and creating
     * a new table under the old name, or giving it a backup's name), or by creating it as a copy
     * (CREATE TABLE ... AS / LIKE, or filled by INSERT in the same migration) under a backup's name;
     * and nothing after that, in that migration or a later one, touches it (no ALTER, index,
     * trigger, write, view or foreign key). A table an older migration merely renamed for the
     * application ({@code users} to {@code accounts}) is not one.
     */
    static String probableBackup(ChangeContext ctx, String name) {
        List<Migration> older = ctx.history().older();
        for (int i = older.size() - 1; i >= 0; i--) {
            Migration m = older.get(i);
            List<Change> changes = new ArrayList<>();
            ctx.history().upStatements(m).forEach(ps -> changes.addAll(ps.changes()));
            int made = -1;
            boolean touched = false;
            for (int k = 0; k < changes.size(); k++) {
                Change ch = changes.get(k);
                if (!touches(ch, name)) {
                    continue;
                }
                touched = true;
                if ((ch instanceof Change.RenameTable r && r.to().equals(name))
                        || (ch instanceof Change.CreateTable t && t.table().equals(name))) {
                    made = k;
                }
            }
            if (!touched) {
                continue; // the last older migration that touches the table is further back
            }
            if (made < 0) {
                return null; // last changed otherwise: in use
            }
            boolean filled = false;
            for (Change ch : changes.subList(made + 1, changes.size())) {
                if (ch instanceof Change.DataChange d && d.kind() == Change.DataChange.Kind.INSERT
                        && d.tables().equals(List.of(name))) {
                    filled = true;
                } else if (touches(ch, name)) {
                    return null; // altered, indexed or written otherwise after it was made: in use
                }
            }
            String path = m.up().path();
            String migration = "migration " + path.substring(path.lastIndexOf('/') + 1);
            if (changes.get(made) instanceof Change.RenameTable r) {
                boolean replaced = changes.subList(made + 1, changes.size()).stream()
                        .anyMatch(ch -> ch instanceof Change.CreateTable t && t.table().equals(r.from()));
                if (!replaced && !backupName(name)) {
                    return null;
                }
                return migration + " renamed " + r.from() + " to it" + (replaced ? " and created a new " + r.from()
                        : " (a backup's name)") + ", and no later change of the older release touches it";
            }
            Change.CreateTable t = (Change.CreateTable) changes.get(made);
            if (!backupName(name) || (t.columnsKnown() && !filled)) {
                return null;
            }
            return migration + " created it as a copy (" + (t.columnsKnown() ? "filled by INSERT" : "CREATE TABLE ... AS/LIKE")
                    + ") under a backup's name, and no later change of the older release touches it";
        }
        return null;
    }

    /** The change names the table: creates, renames, alters, indexes, writes it, or a view or foreign key reads it. */
    private static boolean touches(Change ch, String name) {
        if (ch instanceof Change.RenameTable r) {
            return r.from().equals(name) || r.to().equals(name);
        }
        if (ch instanceof Change.DataChange d) {
            return d.tables().contains(name);
        }
        if (ch instanceof Change.CreateView v) {
            return v.reads().stream().anyMatch(r -> r.startsWith(name + "."));
        }
        if (ch instanceof Change.CreateTable t && t.constraints().stream().anyMatch(c -> name.equals(c.refTable()))) {
            return true;
        }
        if (ch instanceof Change.AddConstraint a && name.equals(a.constraint().refTable())) {
            return true;
        }
        String target = ch.target();
        return target.equals(name) || target.startsWith(name + ".");
    }

    /** bkp, bak, backup, old, tmp, temp or copy as a word of the name ({@code _bkp_UP_V0002_u2f_devices}, {@code users_old}). */
    private static boolean backupName(String name) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.matches("(bkp|bak|backup|old|tmp|temp|copy)[0-9]*")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        return Optional.of(Remedy.manual("recreate the table as " + t.release()
                + " defines it and reload its rows from the backup taken before the deploy."));
    }
}
