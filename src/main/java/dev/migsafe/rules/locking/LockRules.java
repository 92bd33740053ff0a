package dev.migsafe.rules.locking;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.RuleContext;

/** Small helpers the lock rules share. */
final class LockRules {

    private LockRules() {
    }

    static boolean postgres(RuleContext ctx) {
        return ctx.dialect() == Dialect.POSTGRESQL;
    }

    static boolean mysql(RuleContext ctx) {
        return ctx.dialect() == Dialect.MYSQL;
    }
}
