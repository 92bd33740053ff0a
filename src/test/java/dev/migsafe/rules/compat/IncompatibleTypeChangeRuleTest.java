package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.rules.Severity;

/**
 * BC105 incompatible-type-change through the real pipeline. The cast tables it judges by are in
 * {@code dev.migsafe.dialect.postgresql.PostgresTypeCasts} and {@code dev.migsafe.dialect.mysql.MySqlTypeCasts}
 * (documented in rules/BC105.md): an error when the older release's reads or writes fail or change
 * values, a warning when they keep working with another behaviour, nothing for a pure widening.
 */
class IncompatibleTypeChangeRuleTest {

    /** Runs the marks, then checks which findings are warnings (by object); every other one is an error. */
    private static void checkWithWarnings(RuleTester tester, String... warningObjects) {
        tester.check();
        List<Finding> bc105 = tester.findings().stream().filter(f -> f.ruleId().equals(IncompatibleTypeChangeRule.ID))
                .toList();
        List<String> warnings = bc105.stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::object)
                .sorted().toList();
        assertEquals(List.of(warningObjects).stream().sorted().toList(), warnings, "BC105 warnings: " + bc105);
        bc105.stream().filter(f -> f.severity() != Severity.WARNING)
                .forEach(f -> assertEquals(Severity.ERROR, f.severity(), f.toString()));
    }

    @Test
    void incompatibleAndNarrowingTypeChanges() {
        RuleTester.postgres().only(IncompatibleTypeChangeRule.ID)
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
                .released("CREATE TABLE t (a varchar(20), b int, d varchar(10), e real, f numeric(10,2), g smallint, "
                        + "h int);")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE text;\n"
                        + "ALTER TABLE t ALTER COLUMN b TYPE bigint;\n"
                        + "ALTER TABLE t ALTER COLUMN d TYPE varchar;\n"
                        + "ALTER TABLE t ALTER COLUMN e TYPE double precision;\n"
                        + "ALTER TABLE t ALTER COLUMN f TYPE numeric(14,4);\n"
                        + "ALTER TABLE t ALTER COLUMN g TYPE int;\n"
                        + "ALTER TABLE t ALTER COLUMN h TYPE numeric(12,0);")
                .check();
    }

    /** Marquez V73: the older release keeps reading and writing through PostgreSQL's casts; only the zone shifts. */
    @Test
    void timestampToTimestamptzIsAWarning() {
        RuleTester t = RuleTester.postgres().only("BC105", "DL202")
                .released("CREATE TABLE lineage_events (created_at timestamp, seen_at timestamptz);")
                .deploy("ALTER TABLE lineage_events ALTER COLUMN created_at TYPE timestamptz "
                        + "USING created_at AT TIME ZONE 'UTC'; -- expect: BC105\n"
                        + "ALTER TABLE lineage_events ALTER COLUMN seen_at TYPE timestamp; -- expect: BC105");
        checkWithWarnings(t, "lineage_events.created_at", "lineage_events.seen_at");
        assertTrue(t.findings().get(0).message().contains("session time zone"), t.findings().get(0).message());
    }

    /**
     * Harbor 0080: time to timestamp with a USING that converts every value. No data is lost (DL202
     * is quiet). PostgreSQL has no cast from time to timestamp, so writes of times of day fail, but
     * Harbor (like most projects making this change) wrote full timestamps into the time column, which
     * keep working: the schema cannot tell which, so a warning that says what to check.
     */
    @Test
    void timeToTimestampIsAWarningThatSaysWhatToCheck() {
        RuleTester t = RuleTester.postgres().only("BC105", "DL202")
                .released("CREATE TABLE retention_policy (id int, create_time time, update_time time);")
                .deploy("ALTER TABLE retention_policy ALTER COLUMN create_time TYPE TIMESTAMP WITHOUT TIME ZONE "
                        + "USING (current_date + create_time); -- expect: BC105\n"
                        + "ALTER TABLE retention_policy ALTER COLUMN update_time TYPE timestamptz "
                        + "USING (current_date + update_time); -- expect: BC105");
        checkWithWarnings(t, "retention_policy.create_time", "retention_policy.update_time");
        assertTrue(t.findings().get(0).message().contains("no cast from time")
                && t.findings().get(0).message().contains("keep working if it sends full timestamps"),
                t.findings().get(0).message());
    }

    /** The true case: strings bound as character varying have no assignment cast to timestamp. */
    @Test
    void varcharToTimestampIsAnError() {
        RuleTester t = RuleTester.postgres().only("BC105", "DL202")
                .released("CREATE TABLE events (id int, happened varchar(40));")
                .deploy("ALTER TABLE events ALTER COLUMN happened TYPE timestamp "
                        + "USING happened::timestamp; -- expect: BC105, DL202");
        checkWithWarnings(t);
        Finding bc105 = t.findings().stream().filter(f -> f.ruleId().equals("BC105")).findFirst().orElseThrow();
        assertTrue(bc105.message().contains("character varying"), bc105.message());
    }

    @Test
    void postgresCastTableRows() {
        RuleTester t = RuleTester.postgres().only("BC105", "DL202")
                .released("CREATE TABLE t (a int, b char(3), c json, d date, e int, f text, g uuid, h varchar(10), "
                        + "i int, j varchar(20), k jsonb);")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE numeric(12,2); -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN b TYPE varchar(10); -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN c TYPE jsonb; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN d TYPE timestamp; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN e TYPE text; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN f TYPE citext; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN g TYPE text; -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN h TYPE char(10); -- expect: BC105\n"
                        + "ALTER TABLE t ALTER COLUMN i TYPE real; -- expect: BC105, DL202\n"
                        + "ALTER TABLE t ALTER COLUMN j TYPE uuid USING j::uuid; -- expect: BC105, DL202\n"
                        + "ALTER TABLE t ALTER COLUMN k TYPE json; -- expect: BC105");
        // warnings: int to fractional numeric, char padding, json normalised, date to timestamp, case-insensitive
        checkWithWarnings(t, "t.a", "t.b", "t.c", "t.d", "t.f", "t.h");
    }

    @Test
    void mysqlModifyColumnType() {
        RuleTester.mysql().only(IncompatibleTypeChangeRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, price DECIMAL(10,2), name VARCHAR(50), "
                        + "kind ENUM('a','b'));")
                .deploy("ALTER TABLE items MODIFY COLUMN price DECIMAL(6,2); -- expect: BC105\n"
                        + "ALTER TABLE items MODIFY name VARCHAR(255);\n"
                        + "ALTER TABLE items MODIFY kind ENUM('a','b','c');")
                .deploy("ALTER TABLE items MODIFY kind ENUM('b','c'); -- expect: BC105")
                .check();
    }

    @Test
    void mysqlWideningsAreQuiet() {
        RuleTester.mysql().only("BC105", "DL202")
                .released("CREATE TABLE m (a BLOB, b TINYINT, c VARCHAR(40), d INT, e INT UNSIGNED, f BOOLEAN, "
                        + "g DATETIME, h CHAR(4), i FLOAT, j TEXT, k DECIMAL(8,2));")
                .deploy("ALTER TABLE m MODIFY a MEDIUMBLOB;\n"
                        + "ALTER TABLE m MODIFY b INT;\n"
                        + "ALTER TABLE m MODIFY c TEXT;\n"
                        + "ALTER TABLE m MODIFY d BIGINT;\n"
                        + "ALTER TABLE m MODIFY e BIGINT;\n"
                        + "ALTER TABLE m MODIFY f SMALLINT;\n"
                        + "ALTER TABLE m MODIFY g DATETIME(3);\n"
                        + "ALTER TABLE m MODIFY h VARCHAR(10);\n"
                        + "ALTER TABLE m MODIFY i DOUBLE;\n"
                        + "ALTER TABLE m MODIFY j LONGTEXT;\n"
                        + "ALTER TABLE m MODIFY k DECIMAL(10,2);")
                .check();
    }

    @Test
    void mysqlCastTableRows() {
        RuleTester t = RuleTester.mysql().only("BC105", "DL202")
                .released("CREATE TABLE m (a TIMESTAMP, b DATETIME, c INT, d VARCHAR(20), e TIME, "
                        + "f ENUM('a','b','c'), g VARCHAR(10), h INT, i DECIMAL(12,2), j INT, k DATE);")
                .deploy("ALTER TABLE m MODIFY a DATETIME; -- expect: BC105\n"
                        + "ALTER TABLE m MODIFY b TIMESTAMP; -- expect: BC105, DL202\n"
                        + "ALTER TABLE m MODIFY c VARCHAR(20); -- expect: BC105\n"
                        + "ALTER TABLE m MODIFY d INT; -- expect: BC105, DL202\n"
                        + "ALTER TABLE m MODIFY e DATETIME; -- expect: BC105\n"
                        + "ALTER TABLE m MODIFY f ENUM('c','b','a'); -- expect: BC105\n"
                        + "ALTER TABLE m MODIFY g CHAR(10); -- expect: BC105\n"
                        + "ALTER TABLE m MODIFY h TINYINT; -- expect: BC105, DL202\n"
                        + "ALTER TABLE m MODIFY i DECIMAL; -- expect: BC105, DL202\n"
                        + "ALTER TABLE m MODIFY j INT UNSIGNED; -- expect: BC105, DL202\n"
                        + "ALTER TABLE m MODIFY k DATETIME; -- expect: BC105");
        // warnings: time-zone conversion dropped, numbers compared as strings, times of day or cut timestamps, list
        // order, CHAR strips spaces, dates
        checkWithWarnings(t, "m.a", "m.c", "m.e", "m.f", "m.g", "m.k");
    }
}
