package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;

/**
 * PostgreSQL: VACUUM FULL and CLUSTER rewrite the table, and REINDEX rebuilds indexes, under locks
 * that block the application for the whole run (ACCESS EXCLUSIVE; REINDEX blocks writes and reads
 * that use the index). REINDEX CONCURRENTLY exists from PostgreSQL 12; pg_repack / pg_squeeze do the
 * rewrite online.
 */
@LockClaim(LockClaim.Shows.REWRITE)
@RuleInfo(id = TableRewritingMaintenanceRule.ID, name = "table-rewriting-maintenance", category = Category.LOCKING,
        severity = Severity.WARNING,
        summary = "VACUUM FULL, CLUSTER or REINDEX without CONCURRENTLY in a migration.",
        fix = "Use REINDEX CONCURRENTLY (PostgreSQL 12+), and pg_repack or pg_squeeze instead of VACUUM FULL / CLUSTER; "
                + "run maintenance outside migrations.",
        dialects = Dialect.POSTGRESQL)
public final class TableRewritingMaintenanceRule implements Rule {
    public static final String ID = "LK609";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.Other o)) {
            return;
        }
        String message = switch (o.kind()) {
            case "VACUUM FULL" -> "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock: reads and writes wait "
                    + "for the whole rewrite";
            case "CLUSTER" -> "CLUSTER rewrites the table in index order under an ACCESS EXCLUSIVE lock: reads and "
                    + "writes wait for the whole rewrite";
            case "REINDEX" -> "REINDEX rebuilds the index while blocking writes to its table and reads that use it"
                    + (ctx.serverVersion().atLeast(12, 0) ? "" : "; before PostgreSQL 12 (configured: "
                    + ctx.serverVersion() + ") there is no REINDEX CONCURRENTLY: build a new index CONCURRENTLY and "
                    + "drop the old one");
            default -> null;
        };
        if (message != null) {
            ctx.report(o.target(), message);
        }
    }
}
