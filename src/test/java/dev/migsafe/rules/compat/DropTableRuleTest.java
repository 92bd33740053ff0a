package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.rules.Severity;

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

    @Test
    void tableDroppedAndCreatedAgainWithItsColumnsIsFine() {
        RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .deploy("DROP TABLE users;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(255), created_at timestamp);")
                .check();
    }

    @Test
    void renamedThenDroppedNamesBothTables() {
        Finding f = RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users RENAME TO _bkp_users;\n"
                        + "DROP TABLE _bkp_users;")
                .onlyFinding();
        assertEquals("_bkp_users", f.object());
        assertTrue(f.message().contains("table users"), f.message());
        assertTrue(f.message().contains("_bkp_users"), f.message());
        assertTrue(f.message().contains("relation \"users\" does not exist"), f.message());
    }

    @Test
    void rebuiltTableMissingAColumnNamesTheGap() {
        Finding f = RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users RENAME TO _bkp_users;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY, name text);\n"
                        + "DROP TABLE _bkp_users;")
                .onlyFinding();
        assertTrue(f.message().contains("email"), f.message());
    }

    /** Authelia MySQL: V0002 (released) renamed u2f_devices away and copied its rows into a new table. */
    private static final String U2F = "CREATE TABLE u2f_devices (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, "
            + "username VARCHAR(100) NOT NULL, key_handle BLOB NOT NULL);";
    private static final String V0002 = "ALTER TABLE u2f_devices RENAME _bkp_UP_V0002_u2f_devices;\n"
            + "CREATE TABLE IF NOT EXISTS webauthn_devices (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, "
            + "username VARCHAR(100) NOT NULL, kid VARCHAR(512) NOT NULL);\n"
            + "INSERT INTO webauthn_devices (id, username, kid) SELECT id, username, TO_BASE64(key_handle) "
            + "FROM _bkp_UP_V0002_u2f_devices;";

    @Test
    void leftoverBackupOfAnOlderMigrationIsAWarning() {
        RuleTester t = RuleTester.mysql().only(DropTableRule.ID)
                .released(U2F)
                .released(V0002)
                .deploy("DROP TABLE IF EXISTS _bkp_UP_V0002_u2f_devices; -- expect: BC103");
        t.check();
        Finding f = t.onlyFinding();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("renamed u2f_devices to it"), f.message());
        assertTrue(f.message().contains("V2__m.sql"), f.message());
    }

    @Test
    void tableRenamedAwayAndReplacedByAnOlderMigrationIsAWarning() {
        Finding f = RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .released("ALTER TABLE users RENAME TO users_v1;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(200));\n"
                        + "INSERT INTO users SELECT * FROM users_v1;")
                .deploy("DROP TABLE users_v1;")
                .onlyFinding();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("created a new users"), f.message());
    }

    @Test
    void backupCopyCreatedByAnOlderMigrationIsAWarning() {
        Finding f = RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .released("CREATE TABLE users_backup AS SELECT * FROM users;")
                .deploy("DROP TABLE users_backup;")
                .onlyFinding();
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void tableAnOlderMigrationRenamedForTheApplicationIsStillAnError() {
        RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .released("ALTER TABLE users RENAME TO accounts;")
                .deploy("DROP TABLE accounts; -- expect: BC103")
                .check();
        Finding f = RuleTester.postgres().only(DropTableRule.ID).released(USERS)
                .released("ALTER TABLE users RENAME TO accounts;").deploy("DROP TABLE accounts;").onlyFinding();
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void backupNamedTableTouchedByALaterOlderMigrationIsStillAnError() {
        Finding f = RuleTester.postgres().only(DropTableRule.ID)
                .released(USERS)
                .released("ALTER TABLE users RENAME TO users_old;\n"
                        + "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));")
                .released("CREATE INDEX users_old_email ON users_old (email);")
                .deploy("DROP TABLE users_old;")
                .onlyFinding();
        assertEquals(Severity.ERROR, f.severity());
    }
}
