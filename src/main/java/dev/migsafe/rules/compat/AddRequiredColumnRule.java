package dev.migsafe.rules.compat;

import java.util.Optional;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
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
 * A column the older release does not have, on a table it writes, is NOT NULL without a default at
 * the end of the window: the older release's INSERTs do not name it and fail. The end state is
 * judged, however the column got there: {@code ADD COLUMN ... NOT NULL}, or added nullable and made
 * NOT NULL later (SET NOT NULL, MySQL MODIFY/CHANGE, Liquibase addNotNullConstraint), or losing the
 * default it was added with. Reported once, at the change that made it required; not reported when
 * the column has gained a default, lost NOT NULL or been dropped by the end of the window. Columns the
 * older release has are BC107's.
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
        if (ctx.change() instanceof Change.AddColumn c) {
            added(ctx, c);
        } else {
            madeRequired(ctx, ColumnEdit.of(ctx));
        }
    }

    /** ADD COLUMN ... NOT NULL without a default. */
    private static void added(ChangeContext ctx, Change.AddColumn c) {
        Table old = OlderRelease.table(ctx, c.table());
        Table now = ctx.before().table(c.table());
        if (old == null || now == null || now.column(c.column().name()) != null
                || !c.column().notNull() || c.column().hasValueWithoutApp()) {
            return;
        }
        if (old.column(c.column().name()) != null) {
            return; // the older release's inserts name a column of this name (re-added with another meaning: BC102)
        }
        Table end = WindowEnd.table(ctx, c.table());
        Column atEnd = end == null ? null : end.column(c.column().name());
        if (atEnd == null || !requiredAtEnd(atEnd) || requiredAgainLater(ctx, c.table(), c.column().name())) {
            return;
        }
        report(ctx, old, c.table(), c.column().name(), "");
    }

    /**
     * A column added earlier in the window (nullable, or with a default) becomes NOT NULL without a
     * default: reported at the change that leaves it required until the end of the window.
     */
    private static void madeRequired(ChangeContext ctx, ColumnEdit edit) {
        if (edit == null || edit.before() == null || !edit.notNullAfter() || edit.hasValueWithoutAppAfter()
                || (edit.before().notNull() && !edit.before().hasValueWithoutApp())) {
            return; // not required afterwards, or already required before (reported where it became so)
        }
        Table old = OlderRelease.table(ctx, edit.table());
        if (old == null || OlderRelease.hasColumn(ctx, edit.table(), edit.column())) {
            return; // a table new in the window, or a column the older release has (BC107, BC108)
        }
        Column atEnd = WindowEnd.column(ctx, edit.table(), edit.column());
        String name = edit.renamedTo() != null ? edit.renamedTo() : edit.column();
        if (old.column(name) != null) {
            return; // the older release's inserts name a column of this name (re-added with another meaning: BC102)
        }
        if (atEnd == null || !requiredAtEnd(atEnd) || requiredAgainLater(ctx, edit.table(), name)) {
            return;
        }
        String how = edit.setsNotNull() ? "made NOT NULL here" : "NOT NULL, losing its default here";
        report(ctx, old, edit.table(), name, " (added in this range, " + how + ")");
    }

    private static boolean requiredAtEnd(Column atEnd) {
        return atEnd.notNull() && !atEnd.hasValueWithoutApp();
    }

    /**
     * The column, required right after this change, stops being required later in the window and
     * becomes required again: the later change is the one that leaves it required, and is reported.
     */
    private static boolean requiredAgainLater(ChangeContext ctx, String table, String column) {
        long[] lineage = {-1, -1}; // table, column, as this change leaves them
        boolean[] let = {false, false}; // went optional since; required again after that
        WindowEnd.anyStepAfter(ctx, schema -> {
            if (lineage[0] == -1) {
                Table t = schema.table(table);
                Column c = t == null ? null : t.column(column);
                if (c == null) {
                    return true; // cannot follow it: report here
                }
                lineage[0] = t.lineage();
                lineage[1] = c.lineage();
                return false;
            }
            Table t = schema.tableByLineage(lineage[0]);
            Column c = t == null ? null : t.columns().values().stream().filter(x -> x.lineage() == lineage[1])
                    .findFirst().orElse(null);
            if (c == null) {
                return true;
            }
            if (!requiredAtEnd(c)) {
                let[0] = true;
            } else if (let[0]) {
                let[1] = true;
                return true;
            }
            return false;
        });
        return let[1];
    }

    private static void report(ChangeContext ctx, Table old, String table, String column, String how) {
        ctx.report(table + "." + column, "the older release inserts into " + old.name() + " without a value for the "
                + "new column " + column + how + "; as NOT NULL without a default those inserts fail with "
                + DatabaseErrors.notNullViolation(ctx.dialect(), table, column));
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        return SetNotNullRule.dropNotNull(t); // the same cure: the older release's inserts omit the column
    }
}
