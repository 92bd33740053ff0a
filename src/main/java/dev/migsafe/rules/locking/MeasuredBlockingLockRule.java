package dev.migsafe.rules.locking;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/**
 * The catalog entry of what the verification's lock trace measured: a statement that took a lock
 * blocking other sessions' writes while no other LK rule said so. Rules never touch a database, so this
 * one reports nothing from the SQL text; {@code verdict.LockEvidence} makes its findings from the trace.
 */
@RuleInfo(id = MeasuredBlockingLockRule.ID, name = "measured-blocking-lock", category = Category.LOCKING,
        severity = Severity.WARNING,
        summary = "Measured on the database: a statement takes a lock that blocks writes, and no other lock rule "
                + "predicted it.",
        fix = "Run it where a write stall is acceptable, or rewrite it to an online form (CONCURRENTLY, NOT VALID then "
                + "VALIDATE, a new column then a backfill); set a lock_timeout so that it gives up instead of queueing.",
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL})
public final class MeasuredBlockingLockRule implements Rule {
    public static final String ID = "LK614";
}
