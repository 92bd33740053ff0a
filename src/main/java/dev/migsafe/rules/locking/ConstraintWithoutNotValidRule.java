package dev.migsafe.rules.locking;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.ParsedStatement;

/**
 * PostgreSQL: adding a FOREIGN KEY or CHECK constraint checks every existing row while holding a
 * lock that blocks writes (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE on both tables for a
 * FOREIGN KEY). NOT VALID skips the check; a later VALIDATE CONSTRAINT scans under a lock that
 * lets reads and writes go on, but only if it runs in another transaction than the ADD: in the same
 * one, the ADD's lock is still held during the scan.
 */
@LockClaim(LockClaim.Shows.FULL_READ_UNDER_LOCK)
@RuleInfo(id = ConstraintWithoutNotValidRule.ID, name = "constraint-without-not-valid", category = Category.LOCKING,
        severity = Severity.WARNING,
        summary = "A foreign key or check constraint is added to an existing table without NOT VALID, or validated "
                + "in the same transaction that added it.",
        fix = "ALTER TABLE ... ADD CONSTRAINT ... NOT VALID; then, in a later transaction or migration, "
                + "ALTER TABLE ... VALIDATE CONSTRAINT ....",
        dialects = Dialect.POSTGRESQL)
public final class ConstraintWithoutNotValidRule implements Rule {
    public static final String ID = "LK603";

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.change() instanceof Change.AddConstraint c && checksRows(c.constraint()) && !c.constraint().notValid()
                && ExistingTables.existed(ctx, c.table())) {
            ConstraintDef k = c.constraint();
            String kind = k.kind() == ConstraintDef.Kind.FOREIGN_KEY ? "FOREIGN KEY" : "CHECK";
            String lock = k.kind() == ConstraintDef.Kind.FOREIGN_KEY
                    ? "a SHARE ROW EXCLUSIVE lock on " + c.table() + " and " + k.refTable() + " (writes wait)"
                    : "an ACCESS EXCLUSIVE lock on " + c.table() + " (reads and writes wait)";
            ctx.report(c.table(), kind + (k.name() == null ? "" : " " + k.name()) + " added without NOT VALID: "
                    + "PostgreSQL checks every row of " + c.table() + " while holding " + lock);
        } else if (ctx.change() instanceof Change.ValidateConstraint c) {
            validatedInSameTransaction(ctx, c);
        }
    }

    private static boolean checksRows(ConstraintDef k) {
        return k.kind() == ConstraintDef.Kind.FOREIGN_KEY || k.kind() == ConstraintDef.Kind.CHECK;
    }

    private static void validatedInSameTransaction(ChangeContext ctx, Change.ValidateConstraint validate) {
        List<ParsedStatement> statements = ctx.scriptStatements();
        int here = ctx.statementIndex();
        Transactions tx = Transactions.of(ctx.migration(), ctx.scriptFile(), statements, ctx.serverVersion());
        for (int i = 0; i < here; i++) {
            for (Change earlier : statements.get(i).changes()) {
                if (earlier instanceof Change.AddConstraint add && add.table().equals(validate.table())
                        && validate.name().equals(add.constraint().name()) && add.constraint().notValid()
                        && tx.sameTransaction(i, here) && ExistingTables.existed(ctx, validate.table())) {
                    ctx.report(validate.table(), "VALIDATE CONSTRAINT " + validate.name() + " runs in the same "
                            + "transaction as the ADD ... NOT VALID on line " + statements.get(i).statement().line()
                            + " (" + tx.why(here) + "): the ADD's ACCESS EXCLUSIVE lock is still held while every row "
                            + "is checked, so NOT VALID gains nothing");
                    return;
                }
            }
        }
    }
}
