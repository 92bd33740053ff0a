package dev.migsafe.rules.rollback;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.TypeCompatibility;
import dev.migsafe.sql.Dialect;

/**
 * The down re-imposes a restriction that data written since the deploy may violate: NOT NULL, a
 * unique/primary key/check/foreign key, a narrower type, or a NOT NULL column without default. The
 * down then fails halfway, during the incident it was meant to end.
 */
@RuleInfo(id = "RB304", name = "down-may-fail", category = Category.ROLLBACK, severity = Severity.WARNING,
        summary = "The down re-adds NOT NULL, UNIQUE, a check or a narrower type that new data may violate.",
        fix = "Make the down clean or backfill the data first (UPDATE ... SET col = default WHERE col IS NULL, remove "
                + "duplicates), or re-add the constraint NOT VALID; rehearse the down on a copy of production data.")
public final class DownMayFailRule implements Rule {

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.isUp()) {
            return;
        }
        Change change = ctx.change();
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit != null) {
            column(ctx, edit);
        } else if (change instanceof Change.AddConstraint c && !c.constraint().notValid()
                && ctx.before().table(c.table()) != null) {
            ConstraintDef k = c.constraint();
            String on = k.columns().isEmpty() ? c.table() : c.table() + " (" + String.join(", ", k.columns()) + ")";
            ctx.report(c.table(), "the down adds " + k.kind().name().replace('_', ' ') + " on " + on + " again: rows "
                    + "written since the deploy may violate it, and the down then fails halfway");
        } else if (change instanceof Change.CreateIndex c && c.unique() && ctx.before().table(c.table()) != null) {
            ctx.report(c.table(), "the down creates a unique index on " + c.table() + " (" + String.join(", ", c.columns())
                    + ") again: rows written since the deploy may hold duplicates, and the down then fails halfway");
        } else if (change instanceof Change.AddColumn c && ctx.dialect() == Dialect.POSTGRESQL
                && c.column().notNull() && !c.column().hasValueWithoutApp() && ctx.before().table(c.table()) != null) {
            ctx.report(c.table() + "." + c.column().name(), "the down adds " + c.table() + "." + c.column().name()
                    + " as NOT NULL without a default: PostgreSQL refuses that on a table that has rows, so the down "
                    + "fails as soon as " + c.table() + " is not empty");
        }
    }

    private static void column(ChangeContext ctx, ColumnEdit edit) {
        String column = edit.table() + "." + edit.column();
        if (edit.setsNotNull()) {
            ctx.report(column, "the down makes " + column + " NOT NULL again: rows written since the deploy with no "
                    + "value there make the down fail halfway");
        } else if (edit.newType() != null && edit.before() != null
                && TypeCompatibility.mayFailOrLoseData(edit.before().type(), edit.newType(), ctx.dialect())) {
            ctx.report(column, "the down converts " + column + " from " + edit.before().type() + " to " + edit.newType()
                    + ": values written since the deploy that the old type cannot hold make the down fail or are cut");
        }
    }
}
