package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.sql.TransactionMode;

/** LK615 migration-tool-deadlock through the real pipeline. */
class MigrationToolDeadlockRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void concurrentIndexUnderFlywaysDefaultTransactionalLockHangs() {
        RuleTester.postgres().only(MigrationToolDeadlockRule.ID)
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email); -- expect: LK615")
                .deploy("DROP INDEX CONCURRENTLY users_email; -- expect: LK615")
                .check();
    }

    @Test
    void theLockTurnedOffInTheProjectIsFine() {
        RuleTester.postgres().only(MigrationToolDeadlockRule.ID)
                .flyway(new FlywaySettings(false, "flyway.conf"))
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .check();
    }

    @Test
    void otherRunnersAndTransactionalFilesAreNotLk615() {
        RuleTester.postgres().only(MigrationToolDeadlockRule.ID)
                .released(USERS)
                .format("updown")
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .format("flyway")
                .deploy("CREATE INDEX CONCURRENTLY users_nick ON users (name);") // LK602 instead: it fails at once
                .transaction(TransactionMode.IN_TRANSACTION)
                .deploy("CREATE INDEX users_plain ON users (name);")
                .check();
    }
}
