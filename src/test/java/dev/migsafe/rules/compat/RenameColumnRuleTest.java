package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** BC102 rename-column through the real pipeline. */
class RenameColumnRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void renameColumnOfTheOlderRelease() {
        RuleTester.postgres().only(RenameColumnRule.ID)
                .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
                .deploy("ALTER TABLE users RENAME COLUMN name TO full_name; -- expect: BC102")
                .check();
    }

    @Test
    void renameColumnReportedAtItsLine() {
        Finding f = RuleTester.postgres().only(RenameColumnRule.ID)
                .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
                .deploy("-- a comment\n\nALTER TABLE users\n  RENAME COLUMN name TO full_name;")
                .onlyFinding();
        assertEquals("V2__m.sql", f.file());
        assertEquals(3, f.line());
        assertEquals("users.name", f.object());
        assertTrue(f.message().contains("users.name"), f.message());
        assertTrue(f.message().contains("column \"name\" does not exist"), f.message());
    }

    @Test
    void renameColumnAndReAddTheOldNameIsStillABreak() {
        Finding f = RuleTester.postgres().only(RenameColumnRule.ID)
                .released("CREATE TABLE posts (id int, title text);")
                .deploy("ALTER TABLE posts RENAME COLUMN title TO headline; -- expect: BC102\n"
                        + "ALTER TABLE posts ADD COLUMN title text DEFAULT '';")
                .onlyFinding();
        assertTrue(f.message().contains("other data"), f.message());
    }

    @Test
    void renameColumnThenBackIsFine() {
        RuleTester.postgres().only(RenameColumnRule.ID)
                .released("CREATE TABLE posts (id int, title text);")
                .deploy("ALTER TABLE posts RENAME COLUMN title TO headline;")
                .deploy("ALTER TABLE posts RENAME COLUMN headline TO title;")
                .check();
    }

    @Test
    void renameColumnAddedInTheSameRangeIsFine() {
        RuleTester.postgres().only(RenameColumnRule.ID)
                .released("CREATE TABLE posts (id int);")
                .deploy("ALTER TABLE posts ADD COLUMN titel text;")
                .deploy("ALTER TABLE posts RENAME COLUMN titel TO title;")
                .check();
    }

    @Test
    void renameColumnOnTableCreatedInTheSameRangeIsFine() {
        RuleTester.postgres().only("BC102", "BC104", "BC105", "BC106", "BC107", "BC109")
                .released(USERS)
                .deploy("CREATE TABLE orders (id int, total int, note text);\n"
                        + "ALTER TABLE orders RENAME COLUMN note TO remark;\n"
                        + "ALTER TABLE orders ALTER COLUMN total TYPE text;\n"
                        + "ALTER TABLE orders ADD COLUMN status text NOT NULL;\n"
                        + "ALTER TABLE orders ALTER COLUMN remark SET NOT NULL;\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_id_key UNIQUE (id);\n"
                        + "ALTER TABLE orders DROP COLUMN remark;")
                .check();
    }

    @Test
    void mysqlChangeColumnRename() {
        RuleTester.mysql().only(RenameColumnRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT 0);")
                .deploy("ALTER TABLE items CHANGE COLUMN qty quantity INT NOT NULL DEFAULT 0; -- expect: BC102")
                .check();
    }

    @Test
    void mysqlRenameColumn() {
        RuleTester.mysql().only(RenameColumnRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, qty INT);")
                .deploy("ALTER TABLE items RENAME COLUMN qty TO quantity; -- expect: BC102")
                .check();
    }
}
