package dev.migsafe.rules.rollback;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** RB301 missing-down through the real pipeline. */
class MissingDownRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email text);";

    @Test
    void missingDown() {
        RuleTester.postgres().only(MissingDownRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a text; -- expect: RB301")
                .deploy("ALTER TABLE users ADD COLUMN b text;").withDown("ALTER TABLE users DROP COLUMN b;")
                .deployRepeatable("views", "CREATE OR REPLACE VIEW v AS SELECT id FROM users;")
                .check();
    }
}
