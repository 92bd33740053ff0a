package dev.migsafe.rules.locking;

import java.util.Locale;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Table;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.ParsedStatement;

/**
 * PostgreSQL: SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock. From PostgreSQL 12
 * the scan is skipped when a validated {@code CHECK (col IS NOT NULL)} constraint already proves it.
 */
@LockClaim(LockClaim.Shows.FULL_READ_UNDER_LOCK)
@RuleInfo(id = SetNotNullWithoutCheckRule.ID, name = "set-not-null-without-check", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "SET NOT NULL on an existing table without a validated CHECK (col IS NOT NULL) constraint first.",
        fix = "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (another transaction); then "
                + "SET NOT NULL, which PostgreSQL 12+ does without a scan; then DROP CONSTRAINT c.",
        dialects = Dialect.POSTGRESQL)
public final class SetNotNullWithoutCheckRule implements Rule {
    public static final String ID = "LK604";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.SetNotNull c)
                || !ExistingTables.existed(ctx, c.table())) {
            return;
        }
        Table table = ctx.before().table(c.table());
        Column column = table == null ? null : table.column(c.column());
        if (column != null && column.notNull()) {
            return; // already NOT NULL: nothing to check
        }
        String object = c.table() + "." + c.column();
        if (!ctx.serverVersion().atLeast(12, 0)) {
            ctx.report(object, "SET NOT NULL scans every row of " + c.table() + " under an ACCESS EXCLUSIVE lock; before "
                    + "PostgreSQL 12 (configured: " + ctx.serverVersion() + ") even a validated CHECK constraint does "
                    + "not spare the scan", "On PostgreSQL before 12, keep the column nullable and enforce it with a "
                    + "CHECK (col IS NOT NULL) constraint added NOT VALID and validated later.");
            return;
        }
        if (provenByCheck(table, c.column()) || validatedEarlierInScript(ctx, table, c)) {
            return;
        }
        ctx.report(object, "SET NOT NULL scans every row of " + c.table() + " under an ACCESS EXCLUSIVE lock: no "
                + "validated CHECK (" + c.column() + " IS NOT NULL) constraint proves it first");
    }

    /** A validated CHECK constraint whose expression is exactly "column IS NOT NULL". */
    private static boolean provenByCheck(Table table, String column) {
        if (table == null) {
            return false;
        }
        for (ConstraintDef k : table.constraints()) {
            if (k.kind() == ConstraintDef.Kind.CHECK && !k.notValid() && isNotNullCheck(k.expression(), column)) {
                return true;
            }
        }
        return false;
    }

    static boolean isNotNullCheck(String expression, String column) {
        if (expression == null) {
            return false;
        }
        String e = expression.toLowerCase(Locale.ROOT).replaceAll("[\"`()\\s]", "");
        return e.equals(column.toLowerCase(Locale.ROOT).replace("\"", "") + "isnotnull");
    }

    /**
     * A VALIDATE CONSTRAINT earlier in this script of a constraint the model does not know (added in
     * a migration outside what was replayed) whose name mentions the column: it is taken to be the
     * NOT NULL check, as squawk does for the "validate, then SET NOT NULL" migration.
     */
    private static boolean validatedEarlierInScript(ChangeContext ctx, Table table, Change.SetNotNull c) {
        int here = ctx.statementIndex();
        for (int i = 0; i < here; i++) {
            ParsedStatement s = ctx.scriptStatements().get(i);
            for (Change earlier : s.changes()) {
                if (earlier instanceof Change.ValidateConstraint v && v.table().equals(c.table())
                        && v.name().toLowerCase(Locale.ROOT).contains(c.column().toLowerCase(Locale.ROOT))
                        && !known(table, v.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean known(Table table, String constraint) {
        return table != null && table.constraints().stream().anyMatch(k -> constraint.equals(k.name()));
    }
}
