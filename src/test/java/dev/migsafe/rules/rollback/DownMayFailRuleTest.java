package dev.migsafe.rules.rollback;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** RB304 down-may-fail through the real pipeline. */
class DownMayFailRuleTest {
    @Test
    void downThatMayFailOnNewData() {
        RuleTester.postgres().only(DownMayFailRule.ID)
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
        RuleTester.postgres().only(DownMayFailRule.ID)
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
        RuleTester.mysql().only(DownMayFailRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);")
                .deploy("ALTER TABLE items MODIFY name VARCHAR(50) NULL;")
                .withDown("ALTER TABLE items MODIFY name VARCHAR(50) NOT NULL; -- expect: RB304")
                .check();
    }
}
