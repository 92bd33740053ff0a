package dev.migsafe.rules.rollback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.rules.Severity;

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

    @Test
    void downThatOnlyRelaxesOrAddsIsAWarning() {
        // Authelia MySQL V0021: MODIFY without NOT NULL in the up and in the down leaves the column nullable
        Finding relaxed = RuleTester.mysql().only(DownNotInverseRule.ID)
                .released("CREATE TABLE cached_data (id INT PRIMARY KEY, value BLOB NOT NULL);")
                .deploy("ALTER TABLE cached_data MODIFY value LONGBLOB;")
                .withDown("-- expect: RB303\nALTER TABLE cached_data MODIFY value BLOB;")
                .onlyFinding();
        assertEquals(Severity.WARNING, relaxed.severity(), relaxed.message());
        assertTrue(relaxed.message().contains("column cached_data.value is nullable instead of NOT NULL")
                && relaxed.message().contains("None of this breaks the older release"), relaxed.message());
        // Authelia V0007/V0012: the down re-creates a primary key the older schema had lost
        Finding key = RuleTester.postgres().only(DownNotInverseRule.ID)
                .released("CREATE TABLE devices (id serial PRIMARY KEY, kid text);\n"
                        + "ALTER TABLE devices DROP CONSTRAINT devices_pkey;")
                .deploy("ALTER TABLE devices ADD COLUMN aaguid text;")
                .withDown("-- expect: RB303\nALTER TABLE devices DROP COLUMN aaguid;\n"
                        + "ALTER TABLE devices ADD CONSTRAINT devices_pkey PRIMARY KEY (id);")
                .onlyFinding();
        assertEquals(Severity.WARNING, key.severity(), key.message());
    }

    @Test
    void leftoverBackupTablesTheDownDoesNotBringBackAreAWarning() {
        Finding f = RuleTester.postgres().only(DownNotInverseRule.ID)
                .released("CREATE TABLE totp (id int PRIMARY KEY, secret text);\n"
                        + "ALTER TABLE totp RENAME TO _bkp_totp;\n"
                        + "CREATE TABLE totp (id int PRIMARY KEY, secret bytea);")
                .deploy("DROP TABLE _bkp_totp;")
                .withDown("-- expect: RB303\nSELECT 1;")
                .onlyFinding();
        assertEquals(Severity.WARNING, f.severity(), f.message());
        assertTrue(f.message().contains("table _bkp_totp is missing (a leftover backup table)"), f.message());
    }

    @Test
    void whatTheOlderReleaseUsesMissingIsAnErrorAndTheRestIsListedAfter() {
        Finding f = RuleTester.postgres().only(DownNotInverseRule.ID)
                .released(USERS + "\nCREATE UNIQUE INDEX users_email_key ON users (email);")
                .deploy("ALTER TABLE users ALTER COLUMN name SET NOT NULL;\nDROP INDEX users_email_key;\n"
                        + "ALTER TABLE users ADD COLUMN note text;")
                .withDown("-- expect: RB303\nSELECT 1;")
                .onlyFinding();
        assertEquals(Severity.ERROR, f.severity(), f.message());
        assertTrue(f.message().contains("column users.name is NOT NULL instead of nullable; index users_email_key is missing;"
                + " besides, what does not break the older release: column users.note was not there before"), f.message());
    }
}
