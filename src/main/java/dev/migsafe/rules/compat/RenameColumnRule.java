package dev.migsafe.rules.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Relation;
import dev.migsafe.schema.Table;

/**
 * A column of the older release renamed (RENAME COLUMN or MySQL CHANGE COLUMN). Compatible only
 * when, at the end of the window, the older release's table name still offers the old column name
 * with the same data (same lineage), e.g. through a view. A new column re-added under the old name
 * is other data: still a break.
 */
@RuleInfo(id = RenameColumnRule.ID, name = "rename-column", category = Category.BACKWARD_COMPATIBILITY, severity = Severity.ERROR,
        summary = "A column the older release uses is renamed.",
        fix = "Expand/contract: add the new column next to the old one, keep both in sync (dual writes or a "
                + "trigger) and backfill, move readers to the new column, and drop the old one in a later release; "
                + "or serve the old name through a view.")
public final class RenameColumnRule implements Rule, RollForwardRemedy {
    public static final String ID = "BC102";

    @Override
    public void onChange(ChangeContext ctx) {
        ColumnEdit edit = ColumnEdit.of(ctx);
        if (edit == null || edit.renamedTo() == null) {
            return;
        }
        Table oldTable = ctx.baseTable(edit.table());
        Column old = ctx.baseColumn(edit.table(), edit.column());
        if (old == null && oldTable != null && !oldTable.columnsKnown()
                && OlderRelease.hasColumn(ctx, edit.table(), edit.column())) {
            // a table whose columns the model never saw (created outside what was replayed)
            ctx.report(edit.table() + "." + edit.column(), "the older release may read and write "
                    + oldTable.name() + "." + edit.column() + "; after it is renamed to " + edit.renamedTo()
                    + " its queries fail with " + DatabaseErrors.missingColumn(ctx.dialect(), edit.column()));
            return;
        }
        // a column renamed twice in the window is reported at the rename that takes its older name away
        if (oldTable == null || old == null || !old.name().equals(edit.column())) {
            return;
        }
        Relation served = ctx.end().relation(oldTable.name());
        if (served != null && served.columnLineage(old.name()) == old.lineage()) {
            return;
        }
        String oldName = oldTable.name() + "." + old.name();
        String message = "the older release still reads and writes " + oldName + "; after it is renamed to "
                + edit.renamedTo() + " its queries fail with " + DatabaseErrors.missingColumn(ctx.dialect(), old.name());
        if (served != null && served.columnNames().contains(old.name())) {
            message = "the older release still reads and writes " + oldName + ", which is renamed to "
                    + edit.renamedTo() + "; the column " + old.name() + " that exists again at the end of this release "
                    + "is a new column holding other data, so the older release would read values that are not its "
                    + "own and its writes would not reach " + edit.renamedTo();
        }
        ctx.report(edit.table() + "." + edit.column(), message);
    }

    @Override
    public Optional<Remedy> rollForward(Finding finding, Target t) {
        if (t.newTable() == null || t.newColumn() == null) {
            return Optional.empty();
        }
        String table = t.newTable().name();
        String moved = table + "_v2";
        List<String> cols = new ArrayList<>();
        t.newTable().columns().values().forEach(c -> cols.add(t.quote(c.name())));
        cols.add(t.quote(t.newColumn().name()) + " AS " + t.quote(t.columnName()));
        return Optional.of(new Remedy("expose the column under both names (the expand/contract way): move the"
                + " table aside and put a view with its old name in its place",
                "ALTER TABLE " + t.quote(table) + " RENAME TO " + t.quote(moved) + ";\n"
                        + "CREATE VIEW " + t.quote(table) + " AS SELECT " + String.join(", ", cols)
                        + " FROM " + t.quote(moved) + ";"));
    }
}
