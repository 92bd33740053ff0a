package dev.migsafe.sql;

import static dev.migsafe.sql.ParseAssertions.my;
import static dev.migsafe.sql.ParseAssertions.pg;
import static dev.migsafe.sql.ParseAssertions.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.AddColumn;
import dev.migsafe.change.Change.Other;
import dev.migsafe.change.Change.RenameColumn;
import dev.migsafe.change.Change.RenameTable;

/** What the sql stage records for the lock rules: settings, maintenance options, MySQL ALGORITHM/LOCK, volatility. */
class LockFlagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SET lock_timeout = '2s' | lock_timeout",
            "SET LOCAL lock_timeout TO '2s' | lock_timeout",
            "SET Lock_Timeout = '1s' | lock_timeout",
            "SET foo.lock_timeout = '1s' | foo.lock_timeout",
            "SET statement_timeout = 0 | statement_timeout"})
    void setNamesItsSetting(String sql, String setting) {
        assertEquals(new Other("SET", setting), single(sql, Dialect.POSTGRESQL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SET SESSION lock_wait_timeout = 5 | lock_wait_timeout",
            "SET @@session.lock_wait_timeout = 5 | lock_wait_timeout",
            "SET foreign_key_checks = 0 | foreign_key_checks"})
    void mysqlSetNamesItsSetting(String sql, String setting) {
        assertEquals(new Other("SET", setting), single(sql, Dialect.MYSQL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "VACUUM (FULL) t | VACUUM FULL",
            "VACUUM (FULL FALSE) t | VACUUM",
            "VACUUM (FULL OFF, ANALYZE) t | VACUUM",
            "REINDEX (CONCURRENTLY false) INDEX i | REINDEX",
            "REINDEX (CONCURRENTLY) TABLE t | REINDEX CONCURRENTLY",
            "REINDEX SYSTEM db | REINDEX SYSTEM",
            "CLUSTER VERBOSE t | CLUSTER"})
    void maintenanceOptionsThatChangeTheLock(String sql, String kind) {
        assertEquals(kind, ((Other) single(sql, Dialect.POSTGRESQL)).kind());
    }

    @Test
    void mysqlAlgorithmAndLockKeepTheirValue() {
        List<Change> changes = my("ALTER TABLE t ADD COLUMN c INT, ALGORITHM = INSTANT, LOCK=NONE");
        assertEquals(new Other("ALTER TABLE ALGORITHM=INSTANT", "t"), changes.get(1));
        assertEquals(new Other("ALTER TABLE LOCK=NONE", "t"), changes.get(2));
    }

    @Test
    void mysqlActionsAfterARenameNameTheTableAsItIsThen() {
        assertEquals(List.of(new RenameTable("users", "user"), new RenameColumn("user", "u1", "u2")),
                my("ALTER TABLE users RENAME TO user, RENAME COLUMN u1 TO u2"));
    }

    @Test
    void postgresUnknownFunctionsInDefaultsAreVolatile() {
        assertTrue(volatileDefault(pg("ALTER TABLE t ADD COLUMN c jsonb DEFAULT my_json()")));
        assertTrue(volatileDefault(pg("ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()")));
        assertFalse(volatileDefault(pg("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now() - interval '1 day'")));
        assertFalse(volatileDefault(pg("ALTER TABLE t ADD COLUMN c numeric DEFAULT '1'::numeric(10, 2)")));
        assertFalse(volatileDefault(pg("ALTER TABLE t ADD COLUMN c bigint[] DEFAULT cast(array[] as bigint[])")));
        assertFalse(volatileDefault(my("ALTER TABLE t ADD COLUMN c INT DEFAULT (abs(-1))")));
    }

    private static boolean volatileDefault(List<Change> changes) {
        return ((AddColumn) changes.get(0)).column().volatileDefault();
    }
}
