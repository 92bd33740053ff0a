package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;

/**
 * PostgreSQL: ADD PRIMARY KEY / UNIQUE builds its index while holding an ACCESS EXCLUSIVE lock.
 * Building the unique index CONCURRENTLY first and attaching it with USING INDEX takes the lock
 * only for a moment.
 */
@LockClaim(LockClaim.Shows.FULL_READ_UNDER_LOCK)
@RuleInfo(id = UniqueWithoutIndexRule.ID, name = "unique-without-index", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "A PRIMARY KEY or UNIQUE constraint is added to an existing table without an existing unique index.",
        fix = "CREATE UNIQUE INDEX CONCURRENTLY i ON t (cols); then ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i "
                + "(or PRIMARY KEY USING INDEX i).",
        dialects = Dialect.POSTGRESQL)
public final class UniqueWithoutIndexRule implements Rule {
    public static final String ID = "LK607";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.AddConstraint c)
                || !ExistingTables.existed(ctx, c.table())) {
            return;
        }
        ConstraintDef k = c.constraint();
        boolean unique = k.kind() == ConstraintDef.Kind.PRIMARY_KEY || k.kind() == ConstraintDef.Kind.UNIQUE;
        if (!unique || k.usingIndex() != null) {
            return;
        }
        String kind = k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
        ctx.report(c.table(), kind + (k.name() == null ? "" : " " + k.name()) + " on " + c.table() + " builds its "
                + "unique index while holding an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build");
    }
}
