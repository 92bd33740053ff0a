package dev.migsafe.rules.rollback;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.Restrictions;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.SchemaReplayer;
import dev.migsafe.schema.Table;
import dev.migsafe.schema.TypeCompatibility;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlStatement;

/**
 * The down re-imposes a restriction that data written since the deploy may violate: NOT NULL, a
 * unique/primary key/check/foreign key, a narrower type, or a NOT NULL column without default. The
 * down then fails halfway, during the incident it was meant to end.
 *
 * <p>"Data written since the deploy" was written under the schema the up left: a restriction that
 * schema already enforced (a table rebuilt by the down with the same constraints) cannot fail. So
 * the down is replayed here on that schema, each change judged against it.
 */
@RuleInfo(id = DownMayFailRule.ID, name = "down-may-fail", category = Category.ROLLBACK, severity = Severity.WARNING,
        summary = "The down re-adds NOT NULL, UNIQUE, a check or a narrower type that new data may violate.",
        fix = "Make the down clean or backfill the data first (UPDATE ... SET col = default WHERE col IS NULL, remove "
                + "duplicates), or re-add the constraint NOT VALID; rehearse the down on a copy of production data.")
public final class DownMayFailRule implements Rule, DownMigrationRisk {
    public static final String ID = "RB304";

    @Override
    public void onMigration(MigrationContext ctx) {
        if (ctx.down() == null || ctx.afterUp() == null) {
            return;
        }
        Schema newer = ctx.afterUp();
        Schema live = newer.copy();
        for (ParsedStatement ps : ctx.down()) {
            for (Change change : ps.changes()) {
                check(ctx, ps.statement(), change, live, newer);
                SchemaReplayer.apply(live, change);
            }
        }
    }

    private static void check(MigrationContext ctx, SqlStatement st, Change change, Schema live, Schema newer) {
        ColumnEdit edit = ColumnEdit.of(change, live);
        if (edit != null) {
            column(ctx, st, edit, newerColumn(live, newer, edit.table(), edit.column()));
        } else if (change instanceof Change.AddConstraint c && !c.constraint().notValid() && live.table(c.table()) != null
                && !Restrictions.alreadyEnforced(newer, newerTable(live, newer, c.table()), c.constraint())) {
            ConstraintDef k = c.constraint();
            report(ctx, st, c.table(), "the down adds " + k.kind().name().replace('_', ' ') + " on " + on(c.table(),
                    k.columns()) + " again: rows written since the deploy may violate it, and the down then fails halfway");
        } else if (change instanceof Change.CreateIndex c && c.unique() && live.table(c.table()) != null
                && !Restrictions.uniqueOn(newer, newerTable(live, newer, c.table()), c.columns())) {
            report(ctx, st, c.table(), "the down creates a unique index on " + on(c.table(), c.columns()) + " again: "
                    + "rows written since the deploy may hold duplicates, and the down then fails halfway");
        } else if (change instanceof Change.AddColumn c && ctx.dialect() == Dialect.POSTGRESQL && c.column().notNull()
                && !c.column().hasValueWithoutApp() && live.table(c.table()) != null
                && live.table(c.table()).column(c.column().name()) == null) {
            report(ctx, st, c.table() + "." + c.column().name(), "the down adds " + c.table() + "." + c.column().name()
                    + " as NOT NULL without a default: PostgreSQL refuses that on a table that has rows, so the down "
                    + "fails as soon as " + c.table() + " is not empty");
        }
    }

    private static void column(MigrationContext ctx, SqlStatement st, ColumnEdit edit, Column newer) {
        String column = edit.table() + "." + edit.column();
        boolean wasNullable = edit.before() == null || !edit.before().notNull();
        if (edit.notNullAfter() && wasNullable && newer != null && !newer.notNull()) {
            report(ctx, st, column, "the down makes " + column + " NOT NULL again: rows written since the deploy with "
                    + "no value there make the down fail halfway");
        } else if (edit.newType() != null && newer != null
                && TypeCompatibility.mayFailOrLoseData(newer.type(), edit.newType(), ctx.dialect())) {
            report(ctx, st, column, "the down converts " + column + " from " + newer.type() + " to " + edit.newType()
                    + ": values written since the deploy that the old type cannot hold make the down fail or are cut");
        }
    }

    /**
     * The table the down is changing, as the newer release had it: followed by lineage, or by name when
     * the down rebuilds it (a new table under the name the newer release's data was written to).
     */
    private static Table newerTable(Schema live, Schema newer, String table) {
        Table now = live.table(table);
        Table byLineage = now == null ? null : newer.tableByLineage(now.lineage());
        return byLineage != null ? byLineage : newer.table(table);
    }

    private static Column newerColumn(Schema live, Schema newer, String table, String column) {
        Table now = live.table(table);
        Table then = newerTable(live, newer, table);
        if (now == null || then == null || now.column(column) == null) {
            return null;
        }
        long lineage = now.column(column).lineage();
        return then.columns().values().stream().filter(c -> c.lineage() == lineage).findFirst()
                .orElse(then.column(column));
    }

    private static String on(String table, List<String> columns) {
        return columns.isEmpty() ? table : table + " (" + String.join(", ", columns) + ")";
    }

    private static void report(MigrationContext ctx, SqlStatement st, String object, String message) {
        ctx.reportAt(st.file(), st.line(), st.summary(200), object, message, null);
    }

    @Override
    public Risk downMigrationRisk() {
        return Risk.DOWN_MAY_FAIL;
    }
}
