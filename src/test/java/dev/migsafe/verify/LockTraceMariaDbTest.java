package dev.migsafe.verify;

import static dev.migsafe.verify.LockTraceCases.Case.measured;

import java.util.List;

import dev.migsafe.dialect.Dialect;

/**
 * The lock trace's statement table on a MariaDB container: the ALTER algorithm the server accepts, the
 * rebuild (a new InnoDB table id), and a second session's read and write while a statement that is not
 * INSTANT works on its table grown to 36k rows.
 */
@RequiresDocker
class LockTraceMariaDbTest extends LockTraceCases {

    @Override
    Dialect dialect() {
        return Dialect.MYSQL;
    }

    @Override
    String target() {
        return "testcontainers";
    }

    @Override
    VerifySettings settings() {
        return TestImages.settings().withMysqlServer("mariadb");
    }

    @Override
    List<Case> cases() {
        String table = "(id INT PRIMARY KEY, v VARCHAR(100), n INT);";
        List<String> none = List.of();
        List<String> writes = List.of("write");
        return List.of(
                measured("add column, instant", "CREATE TABLE m_add " + table,
                        "ALTER TABLE m_add ADD COLUMN c INT;", "SHARED UPGRADABLE", false, none, null, null, "INSTANT"),
                measured("add column, copy", "CREATE TABLE m_addcopy " + table,
                        "ALTER TABLE m_addcopy ADD COLUMN c INT AS (n + 1) STORED;", "SHARED NO WRITE", true, writes,
                        BLOCKED, PASSED, "COPY, LOCK=SHARED"),
                measured("modify, narrowing", "CREATE TABLE m_narrow " + table,
                        "UPDATE m_narrow SET v = LEFT(v, 20);\nALTER TABLE m_narrow MODIFY v VARCHAR(20);",
                        "SHARED NO WRITE", true, writes, BLOCKED, PASSED, "COPY, LOCK=SHARED"),
                measured("type change, rebuild", "CREATE TABLE m_retype " + table,
                        "ALTER TABLE m_retype MODIFY n BIGINT;", "SHARED NO WRITE", true, writes, BLOCKED, PASSED,
                        "COPY, LOCK=SHARED"),
                measured("create index, online", "CREATE TABLE m_idx " + table,
                        "CREATE INDEX m_idx_v ON m_idx (v);", "SHARED UPGRADABLE", false, none, PASSED, PASSED,
                        "INPLACE, LOCK=NONE"),
                measured("rebuild in place", "CREATE TABLE m_force " + table,
                        "ALTER TABLE m_force ENGINE = InnoDB;", "SHARED UPGRADABLE", true, none, PASSED, PASSED,
                        "INPLACE, LOCK=NONE"),
                measured("foreign key", "CREATE TABLE m_parent (id INT PRIMARY KEY);\n"
                                + "CREATE TABLE m_fk (id INT PRIMARY KEY, p INT, CONSTRAINT m_fk_p FOREIGN KEY (p)"
                                + " REFERENCES m_parent (id));",
                        "ALTER TABLE m_fk ADD CONSTRAINT m_fk_p2 FOREIGN KEY (p) REFERENCES m_parent (id);",
                        "SHARED NO WRITE", true, writes, BLOCKED, PASSED, "COPY, LOCK=SHARED"),
                measured("rename column", "CREATE TABLE m_ren " + table,
                        "ALTER TABLE m_ren RENAME COLUMN v TO w;", "SHARED UPGRADABLE", false, none, null, null, "INSTANT"),
                measured("drop column", "CREATE TABLE m_dropcol " + table,
                        "ALTER TABLE m_dropcol DROP COLUMN v;", "SHARED UPGRADABLE", false, none, null, null, "INSTANT"),
                // the statement gives its own algorithm and lock level: run as written, recorded as asked
                measured("algorithm given", "CREATE TABLE m_given " + table,
                        "ALTER TABLE m_given MODIFY n BIGINT, ALGORITHM=COPY, LOCK=SHARED;", "SHARED NO WRITE", true,
                        writes, null, null, "COPY, LOCK=SHARED"));
    }
}
