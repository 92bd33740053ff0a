package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** BC101 rename-table through the real pipeline. */
class RenameTableRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void renameTableOfTheOlderRelease() {
        RuleTester.postgres().only(RenameTableRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users RENAME TO people; -- expect: BC101")
                .check();
    }

    @Test
    void renameTableWithCompatibilityViewIsFine() {
        RuleTester.postgres().only("BC101", "BC102", "BC110")
                .released(USERS)
                .deploy("ALTER TABLE users RENAME TO people;\n"
                        + "CREATE VIEW users AS SELECT * FROM people;")
                .check();
    }

    @Test
    void compatibilityViewMissingAColumnIsStillABreak() {
        RuleTester.postgres().only(RenameTableRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users RENAME TO people; -- expect: BC101\n"
                        + "CREATE VIEW users AS SELECT id, name FROM people;")
                .check();
    }

    @Test
    void renameTableCreatedInTheSameRangeIsFine() {
        RuleTester.postgres().only(RenameTableRule.ID)
                .released(USERS)
                .deploy("CREATE TABLE tmp_import (id int);")
                .deploy("ALTER TABLE tmp_import RENAME TO imports;")
                .check();
    }

    @Test
    void mysqlRenameTable() {
        RuleTester.mysql().only(RenameTableRule.ID)
                .released("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50));")
                .deploy("RENAME TABLE users TO people; -- expect: BC101")
                .check();
    }

    @Test
    void messageSaysWhyTheOlderReleaseBreaks() {
        Finding f = RuleTester.postgres().only(RenameTableRule.ID).released(USERS).deploy("ALTER TABLE users RENAME TO people;")
                .onlyFinding();
        assertEquals("users", f.object());
        assertTrue(f.message().contains("older release"), f.message());
        assertTrue(f.message().contains("relation \"users\" does not exist"), f.message());
        assertTrue(f.fix().contains("VIEW"), f.fix());
    }

    @Test
    void renameColumnBehindACompatibilityViewIsFine() {
        RuleTester.postgres().only("BC101", "BC102")
                .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
                .deploy("ALTER TABLE users RENAME TO users_t;\n"
                        + "ALTER TABLE users_t RENAME COLUMN name TO full_name;\n"
                        + "CREATE VIEW users AS SELECT id, full_name AS name FROM users_t;")
                .check();
    }
}
