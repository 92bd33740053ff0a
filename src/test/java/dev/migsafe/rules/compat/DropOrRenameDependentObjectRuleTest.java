package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC110 drop-or-rename-dependent-object through the real pipeline. */
class DropOrRenameDependentObjectRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void dropOrRenameObjectsOfTheOlderRelease() {
        RuleTester.postgres().only(DropOrRenameDependentObjectRule.ID)
                .released(USERS + "\nCREATE VIEW active_users AS SELECT id, name FROM users;\n"
                        + "CREATE VIEW user_names AS SELECT name FROM users;\n"
                        + "CREATE SEQUENCE invoice_seq;\n"
                        + "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n"
                        + "CREATE TYPE colour AS ENUM ('red', 'green');\n"
                        + "CREATE FUNCTION add_one(i integer) RETURNS integer AS $$ SELECT i + 1 $$ LANGUAGE sql;")
                .deploy("DROP VIEW active_users; -- expect: BC110\n"
                        + "ALTER VIEW user_names RENAME TO names; -- expect: BC110\n"
                        + "DROP SEQUENCE invoice_seq; -- expect: BC110\n"
                        + "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'; -- expect: BC110\n"
                        + "DROP TYPE colour; -- expect: BC110\n"
                        + "DROP FUNCTION add_one(integer); -- expect: BC110")
                .check();
    }

    @Test
    void viewDroppedAndCreatedAgainIsFine() {
        RuleTester.postgres().only(DropOrRenameDependentObjectRule.ID)
                .released(USERS + "\nCREATE VIEW active_users AS SELECT id, name FROM users;")
                .deploy("DROP VIEW active_users;\n"
                        + "CREATE VIEW active_users AS SELECT id, name, email FROM users;\n"
                        + "CREATE VIEW brand_new AS SELECT id FROM users;\n"
                        + "DROP VIEW brand_new;")
                .check();
    }
}
