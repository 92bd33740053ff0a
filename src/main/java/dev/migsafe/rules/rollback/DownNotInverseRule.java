package dev.migsafe.rules.rollback;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.rules.BackupTables;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.SchemaDiff;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * Replaying the up and then the down does not give back the schema the up started from: after the
 * down, the older release meets a schema it was not written for. An error when something the older
 * release uses is missing or changed; a warning when the down only adds or relaxes (an extra index, a
 * column left nullable) or leaves out a leftover backup table.
 */
@RuleInfo(id = DownNotInverseRule.ID, name = "down-not-inverse", category = Category.ROLLBACK, severity = Severity.ERROR,
        summary = "Replaying up then down does not give back the older schema.",
        fix = "Make the down undo exactly what the up does, in reverse order (re-create what the up dropped with the "
                + "same type, nullability, default, constraints and indexes).")
public final class DownNotInverseRule implements Rule, DownMigrationRisk {
    public static final String ID = "RB303";

    private static final int SHOWN = 5;

    @Override
    public void onMigration(MigrationContext ctx) {
        if (ctx.afterDown() == null || ctx.migration().down() == null || ctx.migration().declaresNoDown()) {
            return;
        }
        List<SchemaDiff.Difference> differences = SchemaDiff.differences(ctx.before(), ctx.afterDown());
        if (differences.isEmpty()) {
            return;
        }
        List<String> breaking = new ArrayList<>();
        List<String> harmless = new ArrayList<>();
        for (SchemaDiff.Difference d : differences) {
            boolean backup = d.breaks() && d.table() != null && BackupTables.probableBackup(ctx.history(), d.table()) != null;
            (d.breaks() && !backup ? breaking : harmless).add(d.text() + (backup ? " (a leftover backup table)" : ""));
        }
        Migration m = ctx.migration();
        StringBuilder message = new StringBuilder("after migration " + m.id() + " and then its down, the schema is not "
                + "the one the migration started from: ");
        list(breaking.isEmpty() ? harmless : breaking, message);
        if (breaking.isEmpty()) {
            message.append(". None of this breaks the older release (only added or relaxed, or leftover backups),"
                    + " so rolling back with the down works; the down still leaves another schema than the older"
                    + " release's migrations make");
        } else if (!harmless.isEmpty()) {
            message.append("; besides, what does not break the older release: ");
            list(harmless, message);
        }
        long unparsed = notUnderstood(ctx.up()) + notUnderstood(ctx.down());
        if (unparsed > 0) {
            message.append(" (").append(unparsed).append(" statement(s) of this migration were not understood, see "
                    + "PS501; the difference may come from them)");
        }
        ctx.reportAt(m.down().path(), m.down().firstLine(), "", "", message.toString(), null,
                breaking.isEmpty() ? Severity.WARNING : Severity.ERROR);
    }

    private static void list(List<String> differences, StringBuilder message) {
        message.append(String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size()))));
        if (differences.size() > SHOWN) {
            message.append("; and ").append(differences.size() - SHOWN).append(" more");
        }
    }

    private static long notUnderstood(List<ParsedStatement> statements) {
        return statements == null ? 0 : statements.stream().filter(p -> !p.isUnderstood()).count();
    }

    @Override
    public Risk downMigrationRisk() {
        return Risk.DOWN_MAY_FAIL;
    }
}
