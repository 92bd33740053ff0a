package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** BC101-BC110 through the real pipeline: SQL in, findings marked with {@code -- expect:}. */
class BackwardCompatibilityRulesTest {

    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    // ---- BC101 rename-table -----------------------------------------------------------------------

    @Test
    void renameTableOfTheOlderRelease() {
        RuleTester.postgres().only("BC101")
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
        RuleTester.postgres().only("BC101")
                .released(USERS)
                .deploy("ALTER TABLE users RENAME TO people; -- expect: BC101\n"
                        + "CREATE VIEW users AS SELECT id, name FROM people;")
                .check();
    }

    @Test
    void renameTableCreatedInTheSameRangeIsFine() {
        RuleTester.postgres().only("BC101")
                .released(USERS)
                .deploy("CREATE TABLE tmp_import (id int);")
                .deploy("ALTER TABLE tmp_import RENAME TO imports;")
                .check();
    }

    @Test
    void mysqlRenameTable() {
        RuleTester.mysql().only("BC101")
                .released("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50));")
                .deploy("RENAME TABLE users TO people; -- expect: BC101")
                .check();
    }

    @Test
    void messageSaysWhyTheOlderReleaseBreaks() {
        Finding f = RuleTester.postgres().only("BC101").released(USERS).deploy("ALTER TABLE users RENAME TO people;")
                .onlyFinding();
        assertEquals("users", f.object());
        assertTrue(f.message().contains("older release"), f.message());
        assertTrue(f.message().contains("relation \"users\" does not exist"), f.message());
        assertTrue(f.fix().contains("VIEW"), f.fix());
    }

    // ---- BC102 rename-column ----------------------------------------------------------------------

    @Test
    void renameColumnOfTheOlderRelease() {
        RuleTester.postgres().only("BC102")
                .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
                .deploy("ALTER TABLE users RENAME COLUMN name TO full_name; -- expect: BC102")
                .check();
    }

    @Test
    void renameColumnReportedAtItsLine() {
        Finding f = RuleTester.postgres().only("BC102")
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
    void renameColumnBehindACompatibilityViewIsFine() {
        RuleTester.postgres().only("BC101", "BC102")
                .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
                .deploy("ALTER TABLE users RENAME TO users_t;\n"
                        + "ALTER TABLE users_t RENAME COLUMN name TO full_name;\n"
                        + "CREATE VIEW users AS SELECT id, full_name AS name FROM users_t;")
                .check();
    }

    @Test
    void renameColumnAndReAddTheOldNameIsStillABreak() {
        Finding f = RuleTester.postgres().only("BC102")
                .released("CREATE TABLE posts (id int, title text);")
                .deploy("ALTER TABLE posts RENAME COLUMN title TO headline; -- expect: BC102\n"
                        + "ALTER TABLE posts ADD COLUMN title text DEFAULT '';")
                .onlyFinding();
        assertTrue(f.message().contains("other data"), f.message());
    }

    @Test
    void renameColumnThenBackIsFine() {
        RuleTester.postgres().only("BC102")
                .released("CREATE TABLE posts (id int, title text);")
                .deploy("ALTER TABLE posts RENAME COLUMN title TO headline;")
                .deploy("ALTER TABLE posts RENAME COLUMN headline TO title;")
                .check();
    }

    @Test
    void renameColumnAddedInTheSameRangeIsFine() {
        RuleTester.postgres().only("BC102")
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
        RuleTester.mysql().only("BC102")
                .released("CREATE TABLE items (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT 0);")
                .deploy("ALTER TABLE items CHANGE COLUMN qty quantity INT NOT NULL DEFAULT 0; -- expect: BC102")
                .check();
    }

    @Test
    void mysqlRenameColumn() {
        RuleTester.mysql().only("BC102")
                .released("CREATE TABLE items (id INT PRIMARY KEY, qty INT);")
                .deploy("ALTER TABLE items RENAME COLUMN qty TO quantity; -- expect: BC102")
                .check();
    }

    // ---- BC103 drop-table, BC104 drop-column ------------------------------------------------------

    @Test
    void dropTableOfTheOlderRelease() {
        RuleTester.postgres().only("BC103")
                .released(USERS)
                .deploy("DROP TABLE users; -- expect: BC103\n"
                        + "CREATE TABLE scratch (id int);\n"
                        + "DROP TABLE scratch;\n"
                        + "DROP TABLE IF EXISTS never_existed;")
                .check();
    }

    @Test
    void dropColumnOfTheOlderRelease() {
        RuleTester.postgres().only("BC104")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nickname text;\n"
                        + "ALTER TABLE users DROP COLUMN nickname;\n"
                        + "ALTER TABLE users DROP COLUMN email; -- expect: BC104\n"
                        + "ALTER TABLE users DROP COLUMN IF EXISTS nothing;")
                .check();
    }

    @Test
    void dropColumnOfATableTheModelNeverSawDefined() {
        // the table comes from outside the migrations; the older release touched it, so it exists
        RuleTester.postgres().only("BC104")
                .released("ALTER TABLE legacy ADD COLUMN flag boolean;")
                .deploy("ALTER TABLE legacy DROP COLUMN old_code; -- expect: BC104")
                .check();
    }

    @Test
    void mysqlDropColumn() {
        RuleTester.mysql().only("BC104")
                .released("CREATE TABLE items (id INT PRIMARY KEY, notes TEXT);")
                .deploy("ALTER TABLE items DROP COLUMN notes; -- expect: BC104")
                .check();
    }

    // ---- BC105 incompatible-type-change -----------------------------------------------------------

    @Test
    void incompatibleAndNarrowingTypeChanges() {
        RuleTester.postgres().only("BC105")
                .released("CREATE TABLE t (a text, b varchar(100), c int, d timestamp, e varchar(20), f int, g numeric(10,2));")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE integer USING a::integer; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN b TYPE varchar(20); -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN c TYPE smallint; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN d TYPE date; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN e TYPE varchar(200);\n"
                        + "ALTER TABLE t ALTER COLUMN f TYPE bigint;\n"
                        + "ALTER TABLE t ALTER COLUMN g TYPE numeric(12,2);")
                .check();
    }

    @Test
    void wideningIsFine() {
        RuleTester.postgres().only("BC105", "DL202")
                .released("CREATE TABLE t (a varchar(20), b int, c char(3), d varchar(10));")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE text;\n"
                        + "ALTER TABLE t ALTER COLUMN b TYPE bigint;\n"
                        + "ALTER TABLE t ALTER COLUMN c TYPE varchar(10);\n"
                        + "ALTER TABLE t ALTER COLUMN d TYPE varchar;")
                .check();
    }

    @Test
    void mysqlModifyColumnType() {
        RuleTester.mysql().only("BC105")
                .released("CREATE TABLE items (id INT PRIMARY KEY, price DECIMAL(10,2), name VARCHAR(50), "
                        + "kind ENUM('a','b'));")
                .deploy("ALTER TABLE items MODIFY COLUMN price DECIMAL(6,2); -- expect: BC105\n"
                        + "ALTER TABLE items MODIFY name VARCHAR(255);\n"
                        + "ALTER TABLE items MODIFY kind ENUM('a','b','c');")
                .deploy("ALTER TABLE items MODIFY kind ENUM('b','c'); -- expect: BC105")
                .check();
    }

    // ---- BC106 add-required-column ----------------------------------------------------------------

    @Test
    void addRequiredColumn() {
        RuleTester.postgres().only("BC106")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN tenant_id int NOT NULL; -- expect: BC106\n"
                        + "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;\n"
                        + "ALTER TABLE users ADD COLUMN nickname text;\n"
                        + "ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;")
                .check();
    }

    @Test
    void requiredColumnGivenADefaultLaterInTheRangeIsFine() {
        RuleTester.postgres().only("BC106")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN tenant_id int NOT NULL;")
                .deploy("ALTER TABLE users ALTER COLUMN tenant_id SET DEFAULT 1;")
                .check();
    }

    @Test
    void mysqlAddRequiredColumn() {
        RuleTester.mysql().only("BC106")
                .released("CREATE TABLE items (id INT PRIMARY KEY);")
                .deploy("ALTER TABLE items ADD COLUMN sku VARCHAR(20) NOT NULL; -- expect: BC106")
                .check();
    }

    // ---- BC107 set-not-null -----------------------------------------------------------------------

    @Test
    void setNotNullWithoutDefault() {
        RuleTester.postgres().only("BC107")
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: BC107")
                .check();
    }

    @Test
    void setNotNullWithADefaultByTheEndIsFine() {
        RuleTester.postgres().only("BC107")
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email SET DEFAULT '';\n"
                        + "UPDATE users SET email = '' WHERE email IS NULL;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")
                .check();
    }

    @Test
    void mysqlModifyAddingNotNull() {
        RuleTester.mysql().only("BC107")
                .released("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50));")
                .deploy("ALTER TABLE items MODIFY name VARCHAR(50) NOT NULL; -- expect: BC107")
                .check();
    }

    // ---- BC108 drop-default-on-required -----------------------------------------------------------

    @Test
    void dropDefaultOfANotNullColumn() {
        RuleTester.postgres().only("BC108")
                .released("CREATE TABLE orders (id int, status text NOT NULL DEFAULT 'new', note text DEFAULT '');")
                .deploy("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT; -- expect: BC108\n"
                        + "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;")
                .check();
    }

    @Test
    void dropDefaultOfAColumnMadeNotNullByAnEarlierMigration() {
        RuleTester.postgres().only("BC108")
                .released("CREATE TABLE orders (id int, status text DEFAULT 'new');")
                .released("ALTER TABLE orders ALTER COLUMN status SET NOT NULL;")
                .deploy("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT; -- expect: BC108")
                .check();
    }

    @Test
    void mysqlModifyWithoutTheDefaultDropsIt() {
        RuleTester.mysql().only("BC108")
                .released("CREATE TABLE items (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT 0);")
                .deploy("ALTER TABLE items MODIFY qty BIGINT NOT NULL; -- expect: BC108")
                .check();
    }

    // ---- BC109 new-write-restriction --------------------------------------------------------------

    @Test
    void newConstraintsOnColumnsOfTheOlderRelease() {
        RuleTester.postgres().only("BC109")
                .released(USERS + "\nCREATE TABLE orders (id int, user_id int, total int);")
                .deploy("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: BC109\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id); -- expect: BC109\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0); -- expect: BC109\n"
                        + "CREATE UNIQUE INDEX users_name_idx ON users (lower(name)); -- expect: BC109\n"
                        + "CREATE INDEX orders_user_idx ON orders (user_id);")
                .check();
    }

    @Test
    void constraintOnlyOnNewColumnsIsFine() {
        RuleTester.postgres().only("BC109")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN handle text;\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_handle_key UNIQUE (handle);\n"
                        + "CREATE TABLE tags (id int, name text);\n"
                        + "ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name);")
                .check();
    }

    @Test
    void reCreatingARestrictionTheOlderReleaseHadIsFine() {
        RuleTester.postgres().only("BC109")
                .released(USERS + "\nCREATE TABLE orders (id int, user_id int REFERENCES users (id));\n"
                        + "CREATE UNIQUE INDEX users_email_idx ON users (email);")
                .deploy("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey,\n"
                        + "  ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")
                .check();
    }

    @Test
    void newWriteRestrictionIsAWarning() {
        Finding f = RuleTester.postgres().only("BC109").released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);").onlyFinding();
        assertEquals(Severity.WARNING, f.severity());
    }

    // ---- BC110 drop-or-rename-dependent-object ----------------------------------------------------

    @Test
    void dropOrRenameObjectsOfTheOlderRelease() {
        RuleTester.postgres().only("BC110")
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
        RuleTester.postgres().only("BC110")
                .released(USERS + "\nCREATE VIEW active_users AS SELECT id, name FROM users;")
                .deploy("DROP VIEW active_users;\n"
                        + "CREATE VIEW active_users AS SELECT id, name, email FROM users;\n"
                        + "CREATE VIEW brand_new AS SELECT id FROM users;\n"
                        + "DROP VIEW brand_new;")
                .check();
    }
}
