package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which relation, as regclass prints it, a statement's target names: a lock held on it counts for the statement. */
class HeldLockNamesTest {

    @Test
    void aTargetNamesItsTableAsPostgresqlResolvesIt() {
        assertTrue(PostgresLockTrace.names(Set.of("orders"), "orders"));
        assertTrue(PostgresLockTrace.names(Set.of("orders.total"), "orders"));
        assertTrue(PostgresLockTrace.names(Set.of("ORDERS"), "orders")); // unquoted folds to lower case
        assertTrue(PostgresLockTrace.names(Set.of("audit.orders"), "audit.orders"));
        assertTrue(PostgresLockTrace.names(Set.of("audit.orders.total"), "audit.orders"));
        assertTrue(PostgresLockTrace.names(Set.of("\"Orders\""), "\"Orders\""));
    }

    @Test
    void aBareNameIsNotTheSameTableInAnotherSchemaNorAQuotedOne() {
        assertFalse(PostgresLockTrace.names(Set.of("orders"), "audit.orders"));
        assertFalse(PostgresLockTrace.names(Set.of("orders"), "\"Orders\""));
        assertFalse(PostgresLockTrace.names(Set.of("items"), "orders"));
    }
}
