package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RB301-RB304 through the real pipeline; down scripts are U<id>__m.sql. */
class RollbackRulesTest {

    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email text);";

    @Test
    void missingDown() {
        RuleTester.postgres().only("RB301")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a text; -- expect: RB301")
                .deploy("ALTER TABLE users ADD COLUMN b text;").withDown("ALTER TABLE users DROP COLUMN b;")
                .deployRepeatable("views", "CREATE OR REPLACE VIEW v AS SELECT id FROM users;")
                .check();
    }

    @Test
    void lossyDown() {
        RuleTester.postgres().only("RB302")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nickname text;\nCREATE TABLE notes (id int);\n"
                        + "INSERT INTO notes VALUES (1);")
                .withDown("DELETE FROM notes WHERE id = 1; -- expect: RB302\n"
                        + "DROP TABLE notes; -- expect: RB302\n"
                        + "ALTER TABLE users DROP COLUMN nickname; -- expect: RB302\n"
                        + "DROP TABLE IF EXISTS never_there;")
                .check();
    }

    @Test
    void exactInverseIsFine() {
        RuleTester.postgres().only("RB303")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT '';\n"
                        + "ALTER TABLE users RENAME COLUMN name TO full_name;\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n"
                        + "CREATE INDEX users_email_idx ON users (email);")
                .withDown("DROP INDEX users_email_idx;\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE text;\n"
                        + "ALTER TABLE users RENAME COLUMN full_name TO name;\n"
                        + "ALTER TABLE users DROP COLUMN nickname;")
                .check();
    }

    @Test
    void downThatIsNotTheInverseIsReportedWithTheDifferences() {
        Finding f = RuleTester.postgres().only("RB303")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users DROP COLUMN email;")
                .withDown("-- expect: RB303\nALTER TABLE users DROP COLUMN nickname;\n"
                        + "ALTER TABLE users ADD COLUMN email varchar(50);")
                .onlyFinding();
        assertEquals("U2__m.sql", f.file());
        assertEquals(1, f.line());
        assertTrue(f.message().contains("column users.email has type varchar(50) instead of text"), f.message());
    }

    @Test
    void downThatForgetsSomething() {
        RuleTester.postgres().only("RB303")
                .released(USERS)
                .deploy("CREATE TABLE tags (id int);\nALTER TABLE users ADD COLUMN tag_id int;")
                .withDown("-- expect: RB303\nDROP TABLE tags;")
                .check();
    }

    @Test
    void downThatMayFailOnNewData() {
        RuleTester.postgres().only("RB304")
                .released("CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, email varchar(50) UNIQUE, "
                        + "code varchar(10), age int CHECK (age > 0));")
                .deploy("ALTER TABLE users ALTER COLUMN name DROP NOT NULL;\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_email_key;\n"
                        + "ALTER TABLE users ALTER COLUMN code TYPE varchar(100);\n"
                        + "ALTER TABLE users DROP COLUMN age;")
                .withDown("ALTER TABLE users ALTER COLUMN name SET NOT NULL; -- expect: RB304\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: RB304\n"
                        + "ALTER TABLE users ALTER COLUMN code TYPE varchar(10); -- expect: RB304\n"
                        + "ALTER TABLE users ADD COLUMN age int NOT NULL; -- expect: RB304\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age > 0) NOT VALID;")
                .check();
    }

    @Test
    void downRebuildingWhatTheNewerSchemaAlsoEnforcedIsFine() {
        // the up rebuilds the table keeping its constraints; the down rebuilds it back: data written under the
        // newer schema already respected them
        RuleTester.postgres().only("RB304")
                .released("CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, age int);")
                .deploy("ALTER TABLE users RENAME TO users_old;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE, age bigint);\n"
                        + "INSERT INTO users SELECT * FROM users_old;\n"
                        + "DROP TABLE users_old;")
                .withDown("ALTER TABLE users RENAME TO users_new;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, age int);\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\n"
                        + "INSERT INTO users SELECT * FROM users_new;\n"
                        + "DROP TABLE users_new;")
                .check();
    }

    @Test
    void mysqlDownModifyNotNull() {
        RuleTester.mysql().only("RB304")
                .released("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);")
                .deploy("ALTER TABLE items MODIFY name VARCHAR(50) NULL;")
                .withDown("ALTER TABLE items MODIFY name VARCHAR(50) NOT NULL; -- expect: RB304")
                .check();
    }
}
