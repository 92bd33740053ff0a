package dev.migsafe.rules.rollback;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;

/**
 * A versioned migration of the range without a down (undo) script. Repeatable ones have none by nature.
 * One whose author declared "no rollback" (an empty down, a Liquibase {@code <rollback/>}) is reported
 * at info level: deliberate, but the plan must know.
 */
@RuleInfo(id = MissingDownRule.ID, name = "missing-down", category = Category.ROLLBACK, severity = Severity.WARNING,
        summary = "A migration in the range has no down/undo script.",
        fix = "Write the undo now, while the change is fresh (Flyway U<version>__x.sql, <name>.down.sql, a "
                + "Liquibase <rollback>), and test it; or document that this migration is undone by roll-forward.")
public final class MissingDownRule implements Rule {
    public static final String ID = "RB301";

    @Override
    public void onMigration(MigrationContext ctx) {
        Migration m = ctx.migration();
        if (m.kind() == Migration.Kind.REPEATABLE) {
            return;
        }
        if (m.declaresNoDown()) {
            ctx.reportAt(m.down().path(), m.down().firstLine(), "", "", "migration " + m.id() + " declares that it has"
                    + " no rollback (an empty down/undo or <rollback/>): going back past it means a restore or a"
                    + " roll-forward", null, Severity.INFO);
            return;
        }
        if (ctx.down() != null || m.hasDown()) {
            return;
        }
        ctx.report("", "migration " + m.id() + " has no down script: undoing its schema change means writing one "
                + "under pressure during an incident, or restoring a backup and losing what was written since");
    }
}
