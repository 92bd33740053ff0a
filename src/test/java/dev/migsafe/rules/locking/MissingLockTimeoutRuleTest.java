package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK608 missing-lock-timeout through the real pipeline. */
class MissingLockTimeoutRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";

    @Test
    void missingLockTimeoutReportedOncePerScript() {
        RuleTester.postgres().only(MissingLockTimeoutRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int; -- expect: LK608\n"
                        + "ALTER TABLE users ADD COLUMN b int;")
                .check();
    }

    @Test
    void lockTimeoutEarlierInTheFile() {
        RuleTester.postgres().only(MissingLockTimeoutRule.ID)
                .released(USERS)
                .deploy("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a int;")
                .deploy("SET LOCAL lock_timeout TO '2s';\nALTER TABLE users ADD COLUMN b int;")
                .check();
    }

    @Test
    void lockTimeoutAfterTheStatementOrForAnotherSettingDoesNotCount() {
        RuleTester.postgres().only(MissingLockTimeoutRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int; -- expect: LK608\nSET lock_timeout = '2s';")
                .deploy("SET foo.lock_timeout = '2s';\nALTER TABLE users ADD COLUMN b int; -- expect: LK608")
                .check();
    }

    @Test
    void newTablesNeedNoLockTimeout() {
        RuleTester.postgres().only(MissingLockTimeoutRule.ID)
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nCREATE INDEX t_a ON t (a);")
                .check();
    }

    @Test
    void mysqlUsesLockWaitTimeout() {
        RuleTester.mysql().only(MissingLockTimeoutRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20); -- expect: LK608")
                .deploy("SET SESSION lock_wait_timeout = 5;\nALTER TABLE users ADD COLUMN b INT;")
                .check();
    }
}
