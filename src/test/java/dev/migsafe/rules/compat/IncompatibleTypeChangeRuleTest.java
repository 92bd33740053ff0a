package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC105 incompatible-type-change through the real pipeline. */
class IncompatibleTypeChangeRuleTest {
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
                .released("CREATE TABLE t (a varchar(20), b int, c char(3), d varchar(10));")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE text;\n"
                        + "ALTER TABLE t ALTER COLUMN b TYPE bigint;\n"
                        + "ALTER TABLE t ALTER COLUMN c TYPE varchar(10);\n"
                        + "ALTER TABLE t ALTER COLUMN d TYPE varchar;")
                .check();
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
}
