package dev.migsafe.rules.locking;

import java.util.Locale;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;

/**
 * PostgreSQL: ADD COLUMN is instant when the new column's value for existing rows is one constant
 * (PostgreSQL 11+ stores it in the catalog). A volatile default (random(), gen_random_uuid(),
 * clock_timestamp(), a user function), a serial or identity column, or a stored generated column
 * computes a value per row: the table is rewritten under an ACCESS EXCLUSIVE lock. Before
 * PostgreSQL 11, any non-null default rewrites.
 */
@LockClaim(LockClaim.Shows.REWRITE)
@RuleInfo(id = RewritingAddColumnRule.ID, name = "rewriting-add-column", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "ADD COLUMN with a volatile default, serial/identity or stored generated value (any default before "
                + "PostgreSQL 11) rewrites an existing table.",
        fix = "Add the column without a default (or with a constant one), set the default with ALTER COLUMN ... SET "
                + "DEFAULT, and fill existing rows in batches.",
        dialects = Dialect.POSTGRESQL)
public final class RewritingAddColumnRule implements Rule {
    public static final String ID = "LK606";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.AddColumn c)
                || !ExistingTables.existed(ctx, c.table())) {
            return;
        }
        ColumnDef col = c.column();
        String object = c.table() + "." + col.name();
        String why = null;
        if (col.generated()) {
            why = "its value (serial, identity or generated) is computed for every existing row";
        } else if (col.volatileDefault()) {
            why = "its default " + col.defaultExpr() + " is volatile, so it is evaluated for every existing row";
        } else if (hasDefault(col) && !ctx.serverVersion().atLeast(11, 0)) {
            why = "before PostgreSQL 11 (configured: " + ctx.serverVersion() + ") any default is written into every "
                    + "existing row";
        }
        if (why != null) {
            ctx.report(object, "ADD COLUMN " + col.name() + " rewrites " + c.table() + " under an ACCESS EXCLUSIVE lock: "
                    + why);
        }
    }

    private static boolean hasDefault(ColumnDef col) {
        return col.defaultExpr() != null && !col.defaultExpr().trim().toLowerCase(Locale.ROOT).equals("null");
    }
}
