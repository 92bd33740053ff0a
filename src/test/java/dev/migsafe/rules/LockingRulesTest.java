package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.sql.TransactionMode;

/** LK601-LK613 through the real pipeline, per dialect and server version: SQL in, {@code -- expect:} marks. */
class LockingRulesTest {

    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";

    // ---- LK601 index-without-concurrently ---------------------------------------------------------

    @Test
    void createIndexOnExistingTableWithoutConcurrently() {
        RuleTester.postgres().only("LK601")
                .released(USERS)
                .deploy("CREATE INDEX users_email ON users (email); -- expect: LK601\n"
                        + "CREATE UNIQUE INDEX users_name ON users (name); -- expect: LK601")
                .check();
    }

    @Test
    void createIndexConcurrentlyOrOnANewTableIsFine() {
        RuleTester.postgres().only("LK601")
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .deploy("CREATE TABLE orders (id int, user_id int);")
                .deploy("CREATE INDEX orders_user ON orders (user_id);") // created in the same range
                .check();
    }

    @Test
    void dropIndexWithoutConcurrently() {
        RuleTester.postgres().only("LK601")
                .released(USERS + "\nCREATE INDEX users_email ON users (email);")
                .deploy("DROP INDEX users_email; -- expect: LK601\n"
                        + "DROP INDEX IF EXISTS unknown_idx; -- expect: LK601\n"
                        + "DROP INDEX CONCURRENTLY IF EXISTS other_idx;")
                .check();
    }

    @Test
    void tableOnlyAlteredInTheRangeCountsAsExisting() {
        // never created in what was replayed: it existed before (squawk's assumption)
        RuleTester.postgres().only("LK601")
                .deploy("ALTER TABLE legacy ADD COLUMN x int;\n"
                        + "CREATE INDEX legacy_x ON legacy (x); -- expect: LK601")
                .check();
    }

    @Test
    void tableOnlyAlteredInTheRangeCountsAsExistingForOtherRulesToo() {
        RuleTester.postgres().only("BC104", "BC102")
                .deploy("ALTER TABLE legacy DROP COLUMN x; -- expect: BC104\n"
                        + "ALTER TABLE legacy RENAME COLUMN y TO z; -- expect: BC102\n"
                        + "DROP TABLE IF EXISTS maybe;")
                .check();
    }

    @Test
    void mysqlIndexesAreOnlineAndNotFlagged() {
        RuleTester.mysql().only("LK601").released(MY_USERS).deploy("CREATE INDEX users_email ON users (email);").check();
    }

    // ---- LK615 migration-tool-deadlock -----------------------------------------------------------

    @Test
    void concurrentIndexUnderFlywaysDefaultTransactionalLockHangs() {
        RuleTester.postgres().only("LK615")
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email); -- expect: LK615")
                .deploy("DROP INDEX CONCURRENTLY users_email; -- expect: LK615")
                .check();
    }

    @Test
    void theLockTurnedOffInTheProjectIsFine() {
        RuleTester.postgres().only("LK615")
                .flyway(new FlywaySettings(false, "flyway.conf"))
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .check();
    }

    @Test
    void otherRunnersAndTransactionalFilesAreNotLk615() {
        RuleTester.postgres().only("LK615")
                .released(USERS)
                .format("updown")
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .format("flyway")
                .deploy("CREATE INDEX CONCURRENTLY users_nick ON users (name);") // LK602 instead: it fails at once
                .transaction(TransactionMode.IN_TRANSACTION)
                .deploy("CREATE INDEX users_plain ON users (name);")
                .check();
    }

    // ---- LK602 concurrently-in-transaction --------------------------------------------------------

    @Test
    void concurrentlyInsideExplicitTransaction() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .format("sql")
                .deploy("BEGIN;\nCREATE INDEX CONCURRENTLY users_email ON users (email); -- expect: LK602\nCOMMIT;")
                .check();
    }

    @Test
    void concurrentlyAloneInAFlywayFileIsFine() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .check();
    }

    @Test
    void flywayRefusesToMixConcurrentlyWithTransactionalStatements() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick text;\n"
                        + "CREATE INDEX CONCURRENTLY users_nick ON users (nick); -- expect: LK602")
                .check();
    }

    @Test
    void flywayConfWithExecuteInTransactionFalseAllowsTheMix() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick text;\n"
                        + "CREATE INDEX CONCURRENTLY users_nick ON users (nick);")
                .transaction(TransactionMode.NO_TRANSACTION)
                .check();
    }

    @Test
    void flywayConfForcingATransactionFails() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .deploy("CREATE INDEX CONCURRENTLY users_nick ON users (name); -- expect: LK602")
                .transaction(TransactionMode.IN_TRANSACTION)
                .check();
    }

    @Test
    void golangMigrateMultiStatementFileIsOneTransaction() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .format("updown")
                .deploy("SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY users_nick ON users (name); -- expect: LK602")
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .check();
    }

    @Test
    void dbmateWrapsUnlessTransactionFalse() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .format("dbmate")
                .deploy("CREATE INDEX CONCURRENTLY users_nick ON users (name); -- expect: LK602")
                .deploy("CREATE INDEX CONCURRENTLY users_email ON users (email);")
                .transaction(TransactionMode.NO_TRANSACTION)
                .check();
    }

    @Test
    void commitEndsTheRunnersTransaction() {
        RuleTester.postgres().only("LK602")
                .released(USERS)
                .format("dbmate")
                .deploy("COMMIT;\nCREATE INDEX CONCURRENTLY users_nick ON users (name);\nBEGIN;")
                .check();
    }

    @Test
    void enumAddValueInTransactionOnlyBeforePostgres12() {
        String sql = "BEGIN;\nALTER TYPE mood ADD VALUE 'meh'; -- expect: LK602\nCOMMIT;";
        RuleTester.postgres().only("LK602").serverVersion("11").format("sql")
                .released("CREATE TYPE mood AS ENUM ('sad', 'ok');").deploy(sql).check();
        RuleTester.postgres().only("LK602").format("sql")
                .released("CREATE TYPE mood AS ENUM ('sad', 'ok');").deploy(sql.replace(" -- expect: LK602", "")).check();
    }

    // ---- LK603 constraint-without-not-valid -------------------------------------------------------

    @Test
    void foreignKeyAndCheckWithoutNotValid() {
        RuleTester.postgres().only("LK603")
                .released(USERS + "\nCREATE TABLE orgs (id int PRIMARY KEY);")
                .deploy("ALTER TABLE users ADD CONSTRAINT users_org FOREIGN KEY (org_id) REFERENCES orgs (id); -- expect: LK603\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_score CHECK (score >= 0); -- expect: LK603\n"
                        + "ALTER TABLE users ADD COLUMN team_id int REFERENCES orgs (id); -- expect: LK603")
                .check();
    }

    @Test
    void notValidThenValidateInAnotherTransactionIsFine() {
        RuleTester.postgres().only("LK603")
                .released(USERS + "\nCREATE TABLE orgs (id int PRIMARY KEY);")
                .format("sql")
                .deploy("ALTER TABLE users ADD CONSTRAINT users_org FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT users_org;")
                .check();
    }

    @Test
    void validateInTheSameTransactionAsNotValid() {
        RuleTester.postgres().only("LK603")
                .released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT users_score CHECK (score >= 0) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT users_score; -- expect: LK603")
                .check();
    }

    @Test
    void constraintsOnANewTableAreFine() {
        RuleTester.postgres().only("LK603")
                .released(USERS)
                .deploy("CREATE TABLE posts (id int, user_id int);\n"
                        + "ALTER TABLE posts ADD CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id);\n"
                        + "ALTER TABLE posts ADD CONSTRAINT posts_id CHECK (id > 0);")
                .check();
    }

    // ---- LK604 set-not-null-without-check ---------------------------------------------------------

    @Test
    void setNotNullWithoutCheck() {
        RuleTester.postgres().only("LK604")
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void setNotNullAfterAValidatedCheck() {
        RuleTester.postgres().only("LK604")
                .released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;")
                .deploy("ALTER TABLE users VALIDATE CONSTRAINT email_nn;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                        + "ALTER TABLE users ALTER COLUMN name SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void setNotNullWithAnUnvalidatedCheck() {
        RuleTester.postgres().only("LK604")
                .released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void beforePostgres12TheCheckDoesNotHelp() {
        RuleTester.postgres().only("LK604").serverVersion("11")
                .released(USERS + "\nALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);")
                .deploy("ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void setNotNullOnANewTableIsFine() {
        RuleTester.postgres().only("LK604")
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;")
                .check();
    }

    // ---- LK605 table-rewriting-type-change --------------------------------------------------------

    @Test
    void rewritingTypeChanges() {
        RuleTester.postgres().only("LK605")
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN id TYPE bigint; -- expect: LK605\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE varchar(50); -- expect: LK605\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE numeric(12,4); -- expect: LK605\n"
                        + "ALTER TABLE users ALTER COLUMN name TYPE varchar(20); -- expect: LK605")
                .check();
    }

    @Test
    void typeChangesWithoutRewrite() {
        RuleTester.postgres().only("LK605")
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE text;\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE numeric(14,2);\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE numeric;")
                .check();
    }

    @Test
    void typeChangeOnUnknownColumnMayRewrite() {
        RuleTester.postgres().only("LK605")
                .deploy("ALTER TABLE legacy ALTER COLUMN c TYPE text; -- expect: LK605")
                .check();
    }

    @Test
    void typeChangeOnANewTableIsFine() {
        RuleTester.postgres().only("LK605")
                .deploy("CREATE TABLE t (a int);")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE bigint;")
                .check();
    }

    // ---- LK606 rewriting-add-column ---------------------------------------------------------------

    @Test
    void volatileDefaultsRewrite() {
        RuleTester.postgres().only("LK606")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN seq serial; -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN doc jsonb DEFAULT my_function(); -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN total numeric GENERATED ALWAYS AS (score * 2) STORED; -- expect: LK606")
                .check();
    }

    @Test
    void constantAndStableDefaultsDoNotRewriteFromPostgres11() {
        RuleTester.postgres().only("LK606").serverVersion("11")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;\n"
                        + "ALTER TABLE users ADD COLUMN created timestamptz DEFAULT now();\n"
                        + "ALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}'::text[];\n"
                        + "ALTER TABLE users ADD COLUMN price numeric DEFAULT '1.5'::numeric(10, 2);")
                .check();
    }

    @Test
    void anyDefaultRewritesBeforePostgres11() {
        RuleTester.postgres().only("LK606").serverVersion("10")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN active boolean DEFAULT true; -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN nick text;")
                .check();
    }

    @Test
    void volatileDefaultOnANewTableIsFine() {
        RuleTester.postgres().only("LK606")
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();")
                .check();
    }

    // ---- LK607 unique-without-index ---------------------------------------------------------------

    @Test
    void uniqueAndPrimaryKeyBuildTheirIndexUnderLock() {
        RuleTester.postgres().only("LK607")
                .released("CREATE TABLE items (id int, sku text);")
                .deploy("ALTER TABLE items ADD PRIMARY KEY (id); -- expect: LK607\n"
                        + "ALTER TABLE items ADD CONSTRAINT items_sku UNIQUE (sku); -- expect: LK607\n"
                        + "ALTER TABLE items ADD COLUMN code text UNIQUE; -- expect: LK607")
                .check();
    }

    @Test
    void usingAnExistingIndexIsFine() {
        RuleTester.postgres().only("LK607")
                .released("CREATE TABLE items (id int, sku text);")
                .deploy("CREATE UNIQUE INDEX CONCURRENTLY items_sku_idx ON items (sku);")
                .deploy("ALTER TABLE items ADD CONSTRAINT items_sku UNIQUE USING INDEX items_sku_idx;")
                .check();
    }

    @Test
    void uniqueOnANewTableIsFine() {
        RuleTester.postgres().only("LK607")
                .deploy("CREATE TABLE products (id bigint, sku text);\n"
                        + "ALTER TABLE products ADD CONSTRAINT sku_u UNIQUE (sku);")
                .check();
    }

    // ---- LK608 missing-lock-timeout ---------------------------------------------------------------

    @Test
    void missingLockTimeoutReportedOncePerScript() {
        RuleTester.postgres().only("LK608")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int; -- expect: LK608\n"
                        + "ALTER TABLE users ADD COLUMN b int;")
                .check();
    }

    @Test
    void lockTimeoutEarlierInTheFile() {
        RuleTester.postgres().only("LK608")
                .released(USERS)
                .deploy("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a int;")
                .deploy("SET LOCAL lock_timeout TO '2s';\nALTER TABLE users ADD COLUMN b int;")
                .check();
    }

    @Test
    void lockTimeoutAfterTheStatementOrForAnotherSettingDoesNotCount() {
        RuleTester.postgres().only("LK608")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int; -- expect: LK608\nSET lock_timeout = '2s';")
                .deploy("SET foo.lock_timeout = '2s';\nALTER TABLE users ADD COLUMN b int; -- expect: LK608")
                .check();
    }

    @Test
    void newTablesNeedNoLockTimeout() {
        RuleTester.postgres().only("LK608")
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nCREATE INDEX t_a ON t (a);")
                .check();
    }

    @Test
    void mysqlUsesLockWaitTimeout() {
        RuleTester.mysql().only("LK608")
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20); -- expect: LK608")
                .deploy("SET SESSION lock_wait_timeout = 5;\nALTER TABLE users ADD COLUMN b INT;")
                .check();
    }

    // ---- LK609 table-rewriting-maintenance --------------------------------------------------------

    @Test
    void maintenanceThatRewritesOrBlocks() {
        RuleTester.postgres().only("LK609")
                .released(USERS)
                .format("sql")
                .deploy("VACUUM FULL users; -- expect: LK609\n"
                        + "VACUUM (FULL) users; -- expect: LK609\n"
                        + "CLUSTER users USING users_pkey; -- expect: LK609\n"
                        + "REINDEX TABLE users; -- expect: LK609")
                .check();
    }

    @Test
    void onlineMaintenanceIsFine() {
        RuleTester.postgres().only("LK609")
                .released(USERS)
                .format("sql")
                .deploy("VACUUM users;\nVACUUM (FULL FALSE) users;\nVACUUM ANALYZE users;\n"
                        + "REINDEX TABLE CONCURRENTLY users;\nREINDEX (CONCURRENTLY) TABLE users;\nREINDEX SYSTEM db;")
                .check();
    }

    @Test
    void reindexBeforePostgres12SaysThereIsNoConcurrently() {
        Finding f = RuleTester.postgres().only("LK609").serverVersion("11").format("sql")
                .released(USERS).deploy("REINDEX TABLE users;").onlyFinding();
        assertTrue(f.message().contains("before PostgreSQL 12"), f.message());
    }

    // ---- LK610 combinable-alters ------------------------------------------------------------------

    @Test
    void severalAltersInARow() {
        RuleTester.postgres().only("LK610")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int;\n"
                        + "ALTER TABLE users ADD COLUMN b int; -- expect: LK610\n"
                        + "ALTER TABLE users DROP COLUMN name;")
                .check();
    }

    @Test
    void splitOnPurposeIsFine() {
        RuleTester.postgres().only("LK610")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int;\n"
                        + "UPDATE users SET a = 0 WHERE a IS NULL;\n"
                        + "ALTER TABLE users ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT a_nn;\n"
                        + "ALTER TABLE users RENAME COLUMN name TO full_name;\n"
                        + "ALTER TABLE users ALTER COLUMN a SET NOT NULL;")
                .check();
    }

    @Test
    void mysqlRenamesAndIndexesCombineToo() {
        RuleTester.mysql().only("LK610")
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n"
                        + "ALTER TABLE users RENAME COLUMN note TO notes; -- expect: LK610\n"
                        + "CREATE INDEX users_nick ON users (nick);")
                .check();
    }

    @Test
    void altersOfANewTableAreFine() {
        RuleTester.postgres().only("LK610")
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nALTER TABLE t ADD COLUMN c int;")
                .check();
    }

    // ---- LK611 mysql-blocking-alter ---------------------------------------------------------------

    @Test
    void mysqlTableCopies() {
        RuleTester.mysql().only("LK611")
                .released(MY_USERS + "\nCREATE TABLE orgs (id INT PRIMARY KEY);")
                .deploy("ALTER TABLE users MODIFY age BIGINT; -- expect: LK611\n"
                        + "ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (age) REFERENCES orgs (id); -- expect: LK611\n"
                        + "ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4; -- expect: LK611\n"
                        + "ALTER TABLE users ADD COLUMN seq INT AUTO_INCREMENT UNIQUE; -- expect: LK611")
                .check();
    }

    @Test
    void mysqlOnlineChanges() {
        RuleTester.mysql().only("LK611")
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n"
                        + "ALTER TABLE users DROP COLUMN note;\n"
                        + "ALTER TABLE users MODIFY email VARCHAR(60);\n"
                        + "ALTER TABLE users MODIFY status ENUM('new','active','gone','banned');\n"
                        + "ALTER TABLE users ALTER COLUMN age SET DEFAULT 0;\n"
                        + "CREATE INDEX users_age ON users (age);")
                .check();
    }

    @Test
    void varcharCrossingThe255ByteBoundaryCopies() {
        RuleTester.mysql().only("LK611")
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY email VARCHAR(100); -- expect: LK611")
                .check();
    }

    @Test
    void algorithmClauseTheActionCannotHaveFails() {
        Finding f = RuleTester.mysql().only("LK611").serverVersion("8.0.28")
                .released(MY_USERS)
                .deploy("ALTER TABLE users DROP COLUMN note, ALGORITHM=INSTANT;")
                .onlyFinding();
        assertTrue(f.message().contains("statement fails"), f.message());
        RuleTester.mysql().only("LK611").serverVersion("8.0.29")
                .released(MY_USERS)
                .deploy("ALTER TABLE users DROP COLUMN note, ALGORITHM=INSTANT;")
                .check();
    }

    @Test
    void mysqlLockNoneOnACopyFails() {
        RuleTester.mysql().only("LK611")
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY age BIGINT, ALGORITHM=INPLACE, LOCK=NONE; -- expect: LK611")
                .check();
    }

    @Test
    void foreignKeyWithChecksOffIsInplace() {
        RuleTester.mysql().only("LK611")
                .released(MY_USERS + "\nCREATE TABLE orgs (id INT PRIMARY KEY);")
                .deploy("SET foreign_key_checks = 0;\n"
                        + "ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (age) REFERENCES orgs (id);")
                .check();
    }

    @Test
    void mysqlChangesOnANewTableAreFine() {
        RuleTester.mysql().only("LK611")
                .deploy("CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a BIGINT;")
                .check();
    }

    // ---- LK612 enum-values-reordered --------------------------------------------------------------

    @Test
    void enumValuesRemovedOrReordered() {
        RuleTester.mysql().only("LK612")
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY status ENUM('new','active'); -- expect: LK612")
                .deploy("ALTER TABLE users MODIFY status ENUM('active','new'); -- expect: LK612")
                .check();
    }

    @Test
    void enumValuesAppendedAreFine() {
        RuleTester.mysql().only("LK612")
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY status ENUM('new','active','gone','banned');")
                .check();
    }

    // ---- LK613 mysql-not-null-without-default -----------------------------------------------------

    @Test
    void mysqlNotNullWithoutDefault() {
        RuleTester.mysql().only("LK613")
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20) NOT NULL; -- expect: LK613\n"
                        + "ALTER TABLE users MODIFY age INT NOT NULL; -- expect: LK613")
                .check();
    }

    @Test
    void mysqlNotNullWithDefaultOrOnANewTableIsFine() {
        RuleTester.mysql().only("LK613")
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20) NOT NULL DEFAULT '';\n"
                        + "ALTER TABLE users MODIFY age INT NOT NULL DEFAULT 0;\n"
                        + "CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b INT NOT NULL;")
                .check();
    }

    @Test
    void postgresIsNotCheckedByMySqlRules() {
        RuleTester.postgres().only("LK611", "LK612", "LK613")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick text NOT NULL;")
                .check();
    }
}
