package dev.migsafe.rules.rollback;

import java.util.List;

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
 * down, the older release meets a schema it was not written for.
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
        List<String> differences = SchemaDiff.between(ctx.before(), ctx.afterDown());
        if (differences.isEmpty()) {
            return;
        }
        Migration m = ctx.migration();
        StringBuilder message = new StringBuilder("after migration " + m.id() + " and then its down, the schema is not "
                + "the one the migration started from: ");
        message.append(String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size()))));
        if (differences.size() > SHOWN) {
            message.append("; and ").append(differences.size() - SHOWN).append(" more");
        }
        long unparsed = notUnderstood(ctx.up()) + notUnderstood(ctx.down());
        if (unparsed > 0) {
            message.append(" (").append(unparsed).append(" statement(s) of this migration were not understood, see "
                    + "PS501; the difference may come from them)");
        }
        ctx.reportAt(m.down().path(), m.down().firstLine(), "", "", message.toString(), null);
    }

    private static long notUnderstood(List<ParsedStatement> statements) {
        return statements == null ? 0 : statements.stream().filter(p -> !p.isUnderstood()).count();
    }

    @Override
    public Risk downMigrationRisk() {
        return Risk.DOWN_MAY_FAIL;
    }
}
