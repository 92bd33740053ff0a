package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK613 mysql-not-null-without-default through the real pipeline. */
class MySqlNotNullWithoutDefaultRuleTest {
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";

    @Test
    void mysqlNotNullWithoutDefault() {
        RuleTester.mysql().only(MySqlNotNullWithoutDefaultRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20) NOT NULL; -- expect: LK613\n"
                        + "ALTER TABLE users MODIFY age INT NOT NULL; -- expect: LK613")
                .check();
    }

    @Test
    void mysqlNotNullWithDefaultOrOnANewTableIsFine() {
        RuleTester.mysql().only(MySqlNotNullWithoutDefaultRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20) NOT NULL DEFAULT '';\n"
                        + "ALTER TABLE users MODIFY age INT NOT NULL DEFAULT 0;\n"
                        + "CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b INT NOT NULL;")
                .check();
    }
}
