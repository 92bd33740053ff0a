package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

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
}
