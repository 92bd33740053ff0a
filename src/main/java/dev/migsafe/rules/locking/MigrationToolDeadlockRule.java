package dev.migsafe.rules.locking;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext.Script;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;

/**
 * Flyway 9.1.2 and later hold their migration lock as a transactional advisory lock on a session of
 * their own ({@code postgresql.transactional.lock}, on by default). That session stays idle in
 * transaction while a migration runs outside a transaction, and a concurrent index build waits for
 * every open transaction before it starts: it waits for Flyway, which waits for it. The deploy hangs
 * (flyway/flyway#3497, #3506, #3854). The verification proves it by the same wait.
 */
@LockClaim(LockClaim.Shows.NOT_MEASURABLE)
@RuleInfo(id = MigrationToolDeadlockRule.ID, name = "migration-tool-deadlock", category = Category.LOCKING, severity = Severity.ERROR,
        summary = "The migration tool's own session blocks the migration (Flyway's transactional lock and CREATE INDEX CONCURRENTLY): the deploy hangs.",
        fix = "Set postgresql.transactional.lock=false in the Flyway configuration (flyway.conf "
                + "flyway.postgresql.transactional.lock=false, Spring Boot spring.flyway.postgresql.transactional-lock=false).",
        dialects = Dialect.POSTGRESQL, scripts = {Script.UP, Script.DOWN})
public final class MigrationToolDeadlockRule implements Rule {
    public static final String ID = "LK615";

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.migration().tool() != MigrationTool.FLYWAY || !ctx.flyway().transactionalLock()) {
            return;
        }
        String what = NonTransactional.waitsForEveryTransaction(ctx.change());
        if (what == null) {
            return;
        }
        Transactions tx = Transactions.of(ctx.migration(), ctx.scriptFile(), ctx.scriptStatements(), ctx.serverVersion());
        if (tx.inTransaction(ctx.statementIndex())) {
            return; // it fails at once instead (LK602)
        }
        String where = ctx.flyway().source() == null ? "Flyway's default" : "set in " + ctx.flyway().source();
        ctx.report(ctx.change().target(), what + " waits for every open transaction before it builds, and Flyway's own"
                + " session holds its migration lock in a transaction that stays open while this file runs outside one"
                + " (postgresql.transactional.lock, " + where + "): the deploy hangs until someone kills it");
    }
}
