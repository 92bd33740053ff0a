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

    private static final String DEV = "CREATE TABLE dev (id serial PRIMARY KEY, kid varchar(255) NOT NULL);";

    /** Authelia: the table is rebuilt under its own name (here with a wider column); the older release still finds it. */
    @Test
    void tableRebuiltUnderTheSameNameIsFine() {
        RuleTester.postgres().only(RenameTableRule.ID, DropTableRule.ID)
                .released(DEV)
                .deploy("ALTER TABLE dev RENAME TO _bkp_dev;\n"
                        + "CREATE TABLE dev (id serial PRIMARY KEY, kid varchar(512) NOT NULL);\n"
                        + "INSERT INTO dev (id, kid) SELECT id, kid FROM _bkp_dev;\n"
                        + "DROP TABLE _bkp_dev;")
                .check();
    }

    @Test
    void mysqlTableRebuiltUnderTheSameNameIsFine() {
        RuleTester.mysql().only(RenameTableRule.ID, DropTableRule.ID)
                .released("CREATE TABLE dev (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, kid VARCHAR(255) NOT NULL);")
                .deploy("ALTER TABLE dev RENAME _bkp_dev;\n"
                        + "CREATE TABLE IF NOT EXISTS dev (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, "
                        + "created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, kid VARCHAR(512) NOT NULL);\n"
                        + "INSERT INTO dev (id, kid) SELECT id, kid FROM _bkp_dev;")
                .deploy("DROP TABLE IF EXISTS _bkp_dev;")
                .check();
    }

    @Test
    void tableRebuiltWithoutAColumnOfTheOlderReleaseIsStillABreak() {
        Finding f = RuleTester.postgres().only(RenameTableRule.ID)
                .released("CREATE TABLE dev (id serial PRIMARY KEY, kid varchar(255) NOT NULL, label text);")
                .deploy("ALTER TABLE dev RENAME TO _bkp_dev;\n"
                        + "CREATE TABLE dev (id serial PRIMARY KEY, kid varchar(512) NOT NULL);\n"
                        + "INSERT INTO dev (id, kid) SELECT id, kid FROM _bkp_dev;")
                .onlyFinding();
        assertEquals("dev", f.object());
        assertTrue(f.message().contains("label"), f.message());
    }

    @Test
    void tableRebuiltWithANarrowerOrRequiredColumnIsStillABreak() {
        RuleTester.postgres().only(RenameTableRule.ID)
                .released(DEV + "\nCREATE TABLE item (id int PRIMARY KEY, note text);")
                .deploy("ALTER TABLE dev RENAME TO _bkp_dev; -- expect: BC101\n"
                        + "CREATE TABLE dev (id serial PRIMARY KEY, kid varchar(64) NOT NULL);\n"
                        + "ALTER TABLE item RENAME TO _bkp_item; -- expect: BC101\n"
                        + "CREATE TABLE item (id int PRIMARY KEY, note text, owner int NOT NULL);")
                .check();
    }
}
