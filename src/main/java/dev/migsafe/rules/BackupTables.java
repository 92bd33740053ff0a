package dev.migsafe.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migsafe.change.Change;
import dev.migsafe.source.Migration;

/**
 * Tables of the older release that are probably leftover backups no release's code uses, judged from
 * the migration history (BC103 warns instead of failing on dropping one; RB303 does not require a down
 * to bring one back).
 */
public final class BackupTables {

    private BackupTables() {
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
    public static String probableBackup(History history, String name) {
        List<Migration> older = history.older();
        for (int i = older.size() - 1; i >= 0; i--) {
            Migration m = older.get(i);
            List<Change> changes = new ArrayList<>();
            history.upStatements(m).forEach(ps -> changes.addAll(ps.changes()));
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
}
