package dev.migsafe.rules.locking;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.sql.ParsedStatement;

/**
 * A statement that needs a blocking lock on a busy table waits behind any long transaction, and
 * every query on that table queues behind it: a one-millisecond ALTER becomes an outage. A short
 * {@code lock_timeout} (MySQL: {@code lock_wait_timeout}) set earlier in the same file makes it fail
 * fast instead, to be retried. Reported once per script, at the first such statement.
 */
@LockClaim(LockClaim.Shows.BLOCKING_WITHOUT_TIMEOUT)
@RuleInfo(id = MissingLockTimeoutRule.ID, name = "missing-lock-timeout", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "A statement takes a blocking lock on an existing table with no lock timeout set earlier in the file.",
        fix = "Start the migration with SET lock_timeout = '5s' (PostgreSQL; SET LOCAL inside a transaction) or "
                + "SET SESSION lock_wait_timeout = 5 (MySQL), and retry the deploy when it times out.")
public final class MissingLockTimeoutRule implements Rule {
    public static final String ID = "LK608";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!blocks(ctx, ctx.change())) {
            return;
        }
        String setting = setting(ctx.dialect());
        List<ParsedStatement> statements = ctx.scriptStatements();
        int here = ctx.statementIndex();
        for (int i = 0; i < here; i++) {
            for (Change earlier : statements.get(i).changes()) {
                if (earlier instanceof Change.Other o && o.kind().equals("SET") && o.target().equals(setting)) {
                    return;
                }
                if (blocks(ctx, earlier)) {
                    return; // reported there
                }
            }
        }
        for (Change same : statements.get(here).changes()) {
            if (same == ctx.change()) {
                break;
            }
            if (blocks(ctx, same)) {
                return;
            }
        }
        String table = BlockingLocks.table(ctx.change());
        String what = table.isEmpty() ? "its table" : table;
        ctx.report(table.isEmpty() ? ctx.change().target() : table, "this statement needs a blocking lock on " + what
                + " and no " + setting + " is set before it in " + ctx.scriptFile().path() + ": while it waits for a "
                + "long-running transaction, every query on " + what + " queues behind it");
    }

    private static boolean blocks(ChangeContext ctx, Change change) {
        String table = BlockingLocks.table(change);
        return table != null && (table.isEmpty() || ExistingTables.existed(ctx, table));
    }

    private static String setting(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "lock_timeout";
            case MYSQL -> "lock_wait_timeout";
        };
    }
}
