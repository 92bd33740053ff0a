package dev.migsafe.rules.rollback;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** RB302 lossy-down through the real pipeline. */
class LossyDownRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email text);";

    @Test
    void lossyDown() {
        RuleTester.postgres().only(LossyDownRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nickname text;\nCREATE TABLE notes (id int);\n"
                        + "INSERT INTO notes VALUES (1);")
                .withDown("DELETE FROM notes WHERE id = 1; -- expect: RB302\n"
                        + "DROP TABLE notes; -- expect: RB302\n"
                        + "ALTER TABLE users DROP COLUMN nickname; -- expect: RB302\n"
                        + "DROP TABLE IF EXISTS never_there;")
                .check();
    }
}
