package dev.migsafe.rules.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** RB303 down-not-inverse through the real pipeline. */
class DownNotInverseRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email text);";

    @Test
    void exactInverseIsFine() {
        RuleTester.postgres().only(DownNotInverseRule.ID)
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
        Finding f = RuleTester.postgres().only(DownNotInverseRule.ID)
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
        RuleTester.postgres().only(DownNotInverseRule.ID)
                .released(USERS)
                .deploy("CREATE TABLE tags (id int);\nALTER TABLE users ADD COLUMN tag_id int;")
                .withDown("-- expect: RB303\nDROP TABLE tags;")
                .check();
    }
}
