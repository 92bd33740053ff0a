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
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Table;

/**
 * ADD COLUMN ... NOT NULL without a default on a table of the older release: the older release's
 * INSERTs do not name the column and fail. Not reported when the column has gained a default (or
 * lost NOT NULL) by the end of the window.
 */
@RuleInfo(id = AddRequiredColumnRule.ID, name = "add-required-column", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.ERROR,
        summary = "A NOT NULL column without a default is added to a table the older release writes.",
        fix = "Add the column nullable or with a DEFAULT; make it NOT NULL without default in a later release, once "
                + "every release you may roll back to sets it.")
public final class AddRequiredColumnRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC106";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.AddColumn c)) {
            return;
        }
        Table old = OlderRelease.table(ctx, c.table());
        Table now = ctx.before().table(c.table());
        if (old == null || now == null || now.column(c.column().name()) != null
                || !c.column().notNull() || c.column().hasValueWithoutApp()) {
            return;
        }
        Table end = WindowEnd.table(ctx, c.table());
        Column atEnd = end == null ? null : end.column(c.column().name());
        if (atEnd == null || !atEnd.notNull() || atEnd.hasValueWithoutApp()) {
            return;
        }
        String name = c.column().name();
        ctx.report(c.table() + "." + name, "the older release inserts into " + old.name() + " without a value for the "
                + "new column " + name + "; as NOT NULL without a default those inserts fail with "
                + DatabaseErrors.notNullViolation(ctx.dialect(), c.table(), name));
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        return SetNotNullRule.dropNotNull(t); // the same cure: the older release's inserts omit the column
    }
}
