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

    /** Marquez: a trigger function is dropped with its trigger; no application calls a RETURNS trigger function. */
    @Test
    void triggerFunctionDroppedIsFine() {
        RuleTester.postgres().only(DropOrRenameDependentObjectRule.ID)
                .released("CREATE TABLE runs (id int PRIMARY KEY, job_name text, job_uuid uuid);\n"
                        + "CREATE FUNCTION fill() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                        + "BEGIN\n"
                        + "    NEW.job_uuid := gen_random_uuid();\n"
                        + "    RETURN NEW;\n"
                        + "END\n"
                        + "$$;\n"
                        + "CREATE TRIGGER runs_fill BEFORE INSERT ON runs FOR EACH ROW EXECUTE PROCEDURE fill();\n"
                        + "CREATE OR REPLACE FUNCTION stamp() RETURNS TRIGGER AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;\n"
                        + "CREATE TRIGGER runs_stamp BEFORE UPDATE ON runs FOR EACH ROW EXECUTE FUNCTION stamp();\n"
                        + "CREATE FUNCTION add_one(i integer) RETURNS integer AS $$ SELECT i + 1 $$ LANGUAGE sql;")
                .deploy("DROP TRIGGER runs_fill ON runs;\n"
                        + "DROP FUNCTION fill;\n"
                        + "DROP FUNCTION stamp() CASCADE;\n"
                        + "DROP FUNCTION add_one(integer); -- expect: BC110")
                .check();
    }

    @Test
    void functionReplacedByATriggerFunctionIsStillJudgedByWhatTheOlderReleaseHad() {
        RuleTester.postgres().only(DropOrRenameDependentObjectRule.ID)
                .released("CREATE FUNCTION total() RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql;")
                .deploy("DROP FUNCTION total(); -- expect: BC110\n"
                        + "CREATE FUNCTION total2() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;")
                .check();
    }
}
