package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC107 set-not-null through the real pipeline. */
class SetNotNullRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void setNotNullWithoutDefault() {
        RuleTester.postgres().only(SetNotNullRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: BC107")
                .check();
    }

    @Test
    void setNotNullWithADefaultByTheEndIsFine() {
        RuleTester.postgres().only(SetNotNullRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email SET DEFAULT '';\n"
                        + "UPDATE users SET email = '' WHERE email IS NULL;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")
                .check();
    }

    @Test
    void mysqlModifyAddingNotNull() {
        RuleTester.mysql().only(SetNotNullRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50));")
                .deploy("ALTER TABLE items MODIFY name VARCHAR(50) NOT NULL; -- expect: BC107")
                .check();
    }
}
