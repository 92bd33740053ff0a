package dev.migsafe.sql;

/**
 * Whether the migration runner wraps a script in a transaction, as the script's own settings say
 * (Flyway {@code V1__x.sql.conf} {@code executeInTransaction}, dbmate {@code transaction:false},
 * Liquibase {@code runInTransaction}, diesel {@code run_in_transaction}). Lock rules need it:
 * {@code CREATE INDEX CONCURRENTLY} fails inside a transaction, and a transaction keeps every lock
 * it took until it ends.
 */
public enum TransactionMode {
    /** The script says nothing: the runner's default for the format applies. */
    RUNNER_DEFAULT,
    /** The script asks to run in a transaction. */
    IN_TRANSACTION,
    /** The script asks to run without one (each statement commits on its own). */
    NO_TRANSACTION
}
