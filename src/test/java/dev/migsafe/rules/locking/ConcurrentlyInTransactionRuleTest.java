package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;
import dev.migsafe.sql.TransactionMode;

/** LK602 concurrently-in-transaction through the real pipeline. */
class ConcurrentlyInTransactionRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void concurrentlyInsideExplicitTransaction() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .format("sql")
                .deploy("BEGIN;\nCREATE INDEX CONCURRENTLY users_email ON users (email); -- expect: LK602\nCOMMIT;")
                .check();
    }

    @Test
    void concurrentlyAloneInAFlywayFileIsFine() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .check();
    }

    @Test
    void flywayRefusesToMixConcurrentlyWithTransactionalStatements() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick text;\n"
                        + "CREATE INDEX CONCURRENTLY users_nick ON users (nick); -- expect: LK602")
                .check();
    }

    @Test
    void flywayConfWithExecuteInTransactionFalseAllowsTheMix() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick text;\n"
                        + "CREATE INDEX CONCURRENTLY users_nick ON users (nick);")
                .transaction(TransactionMode.NO_TRANSACTION)
                .check();
    }

    @Test
    void flywayConfForcingATransactionFails() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_nick ON users (name); -- expect: LK602")
                .transaction(TransactionMode.IN_TRANSACTION)
                .check();
    }

    @Test
    void golangMigrateMultiStatementFileIsOneTransaction() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .format("updown")
                .deploy("SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY users_nick ON users (name); -- expect: LK602")
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .check();
    }

    @Test
    void dbmateWrapsUnlessTransactionFalse() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .format("dbmate")
                .deploy("CREATE INDEX CONCURRENTLY users_nick ON users (name); -- expect: LK602")
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .transaction(TransactionMode.NO_TRANSACTION)
                .check();
    }

    @Test
    void commitEndsTheRunnersTransaction() {
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID)
                .released(USERS)
                .format("dbmate")
                .deploy("COMMIT;\nCREATE INDEX CONCURRENTLY users_nick ON users (name);\nBEGIN;")
                .check();
    }

    @Test
    void enumAddValueInTransactionOnlyBeforePostgres12() {
        String sql = "BEGIN;\nALTER TYPE mood ADD VALUE 'meh'; -- expect: LK602\nCOMMIT;";
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID).serverVersion("11").format("sql")
                .released("CREATE TYPE mood AS ENUM ('sad', 'ok');").deploy(sql).check();
        RuleTester.postgres().only(ConcurrentlyInTransactionRule.ID).format("sql")
                .released("CREATE TYPE mood AS ENUM ('sad', 'ok');").deploy(sql.replace(" -- expect: LK602", "")).check();
    }
}
