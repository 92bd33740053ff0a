package dev.migsafe.rules.locking;

import java.util.List;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext.Script;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.tool.MigrationTool;

/**
 * PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and VACUUM inside a
 * transaction block ("cannot run inside a transaction block"): the migration fails at deploy time.
 * Whether a statement is in a transaction depends on the runner (see {@link Transactions}); Flyway,
 * which detects such statements, refuses a file that mixes them with ordinary ones.
 */
@LockClaim(LockClaim.Shows.REFUSED_IN_TRANSACTION)
@RuleInfo(id = ConcurrentlyInTransactionRule.ID, name = "concurrently-in-transaction", category = Category.LOCKING, severity = Severity.ERROR,
        summary = "A statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM ...) runs in one.",
        fix = "Put the statement in a migration of its own without BEGIN/COMMIT, and tell the runner not to wrap it: "
                + "Flyway V..sql.conf executeInTransaction=false, dbmate '-- migrate:up transaction:false', Liquibase "
                + "runInTransaction=\"false\", diesel run_in_transaction = false; golang-migrate: one statement per file.",
        dialects = Dialect.POSTGRESQL, scripts = {Script.UP, Script.DOWN})
public final class ConcurrentlyInTransactionRule implements Rule {
    public static final String ID = "LK602";

    @Override
    public void onChange(ChangeContext ctx) {
        String what = NonTransactional.reason(ctx.change(), ctx.serverVersion());
        if (what == null) {
            return;
        }
        int index = ctx.statementIndex();
        List<ParsedStatement> statements = ctx.scriptStatements();
        MigrationScript script = ctx.scriptFile();
        Transactions tx = Transactions.of(ctx.migration(), script, statements, ctx.serverVersion());
        if (tx.inTransaction(index)) {
            ctx.report(ctx.change().target(), what + " cannot run inside a transaction block, and here it runs in "
                    + tx.why(index) + ": the migration fails with \"" + what.split(" \\(")[0]
                    + " cannot run inside a transaction block\"");
        } else if (flywayRefusesMix(ctx, script, statements)) {
            ctx.report(ctx.change().target(), "Flyway sees that " + what + " cannot run in a transaction, but this "
                    + "file also holds statements that can: it refuses to run it (\"Detected both transactional and "
                    + "non-transactional statements within the same migration\") unless mixed=true, and then runs "
                    + "every statement outside a transaction");
        }
    }

    /** Flyway's default mode, with transactional statements next to this one. */
    private static boolean flywayRefusesMix(ChangeContext ctx, MigrationScript script, List<ParsedStatement> statements) {
        if (ctx.migration().tool() != MigrationTool.FLYWAY || script.transaction() != TransactionMode.RUNNER_DEFAULT) {
            return false;
        }
        return statements.stream().anyMatch(s -> !s.changes().isEmpty()
                && NonTransactional.reason(s, ctx.serverVersion()) == null);
    }
}
