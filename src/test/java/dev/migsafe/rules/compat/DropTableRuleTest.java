package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC103 drop-table through the real pipeline. */
class DropTableRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void dropTableOfTheOlderRelease() {
        RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .deploy("DROP TABLE users; -- expect: BC103\n"
                        + "CREATE TABLE scratch (id int);\n"
                        + "DROP TABLE scratch;\n"
                        + "DROP TABLE IF EXISTS never_existed;")
                .check();
    }
}
