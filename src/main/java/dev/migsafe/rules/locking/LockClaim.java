package dev.migsafe.rules.locking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the lock trace measures when a lock rule's prediction holds, on the rule's class: a finding is
 * <em>confirmed</em> only when the database showed this, not merely some lock (every ALTER TABLE takes one).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LockClaim {

    Shows value();

    /** The measurable effect. */
    enum Shows {
        /** A lock that blocks other sessions' reads or writes, or a rewrite. */
        BLOCKING_LOCK,
        /** A lock that blocks other sessions' writes. */
        WRITE_BLOCKING_LOCK,
        /** A table or index rewritten (new storage). */
        REWRITE,
        /** A whole table read, or rewritten, under a lock that blocks writes. */
        FULL_READ_UNDER_LOCK,
        /** The server refuses the statement inside a transaction block. */
        REFUSED_IN_TRANSACTION,
        /** A lock that blocks others taken with no lock timeout in force. */
        BLOCKING_WITHOUT_TIMEOUT,
        /**
         * Nothing the trace can show: a deadlock with the tool's own session, a statement that fails on existing
         * rows, locks taken again by separate statements. Such findings are left as the rules wrote them.
         */
        NOT_MEASURABLE
    }
}
