package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK601 index-without-concurrently through the real pipeline. */
class IndexWithoutConcurrentlyRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";

    @Test
    void createIndexOnExistingTableWithoutConcurrently() {
        RuleTester.postgres().only(IndexWithoutConcurrentlyRule.ID)
                .released(USERS)
                .deploy("CREATE INDEX users_email ON users (email); -- expect: LK601\n"
                        + "CREATE UNIQUE INDEX users_name ON users (name); -- expect: LK601")
                .check();
    }

    @Test
    void createIndexConcurrentlyOrOnANewTableIsFine() {
        RuleTester.postgres().only(IndexWithoutConcurrentlyRule.ID)
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .deploy("CREATE TABLE orders (id int, user_id int);")
                .deploy("CREATE INDEX orders_user ON orders (user_id);") // created in the same range
                .check();
    }

    @Test
    void dropIndexWithoutConcurrently() {
        RuleTester.postgres().only(IndexWithoutConcurrentlyRule.ID)
                .released(USERS + "\nCREATE INDEX users_email ON users (email);")
                .deploy("DROP INDEX users_email; -- expect: LK601\n"
                        + "DROP INDEX IF EXISTS unknown_idx; -- expect: LK601\n"
                        + "DROP INDEX CONCURRENTLY IF EXISTS other_idx;")
                .check();
    }

    @Test
    void tableOnlyAlteredInTheRangeCountsAsExisting() {
        // never created in what was replayed: it existed before (squawk's assumption)
        RuleTester.postgres().only(IndexWithoutConcurrentlyRule.ID)
                .deploy("ALTER TABLE legacy ADD COLUMN x int;\n"
                        + "CREATE INDEX legacy_x ON legacy (x); -- expect: LK601")
                .check();
    }

    @Test
    void mysqlIndexesAreOnlineAndNotFlagged() {
        RuleTester.mysql().only(IndexWithoutConcurrentlyRule.ID).released(MY_USERS).deploy("CREATE INDEX users_email ON users (email);").check();
    }
}
