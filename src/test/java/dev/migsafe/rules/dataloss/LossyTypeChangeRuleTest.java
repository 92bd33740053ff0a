package dev.migsafe.rules.dataloss;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** DL202 lossy-type-change through the real pipeline. */
class LossyTypeChangeRuleTest {
    private static final String ORDERS = "CREATE TABLE orders (id int PRIMARY KEY, note text, total numeric(10,2), "
            + "code varchar(40), placed timestamp);";

    @Test
    void lossyTypeChanges() {
        RuleTester.postgres().only(LossyTypeChangeRule.ID)
                .released(ORDERS)
                .deploy("ALTER TABLE orders ALTER COLUMN code TYPE varchar(10); -- expect: DL202\n"
                        + "ALTER TABLE orders ALTER COLUMN note TYPE integer USING note::integer; -- expect: DL202\n"
                        + "ALTER TABLE orders ALTER COLUMN placed TYPE date; -- expect: DL202\n"
                        + "ALTER TABLE orders ALTER COLUMN total TYPE numeric(8,2); -- expect: DL202\n"
                        + "ALTER TABLE orders ALTER COLUMN id TYPE bigint;\n"
                        + "ALTER TABLE orders ALTER COLUMN total TYPE text;")
                .check();
    }

    @Test
    void mysqlNarrowingModify() {
        RuleTester.mysql().only(LossyTypeChangeRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, price DECIMAL(10,2), kind ENUM('a','b','c'));")
                .deploy("ALTER TABLE items MODIFY price DECIMAL(6,2); -- expect: DL202\n"
                        + "ALTER TABLE items MODIFY kind ENUM('a','b'); -- expect: DL202")
                .check();
    }

    /**
     * Conversions that keep every value are no data loss, whatever they do to the older release
     * (BC105 judges that): time to timestamp with a USING (Harbor 0080), timestamp to timestamptz
     * (Marquez V73), date to timestamp, int to a text or varchar that holds every int, json to jsonb.
     */
    @Test
    void valuePreservingConversionsAreNotLossy() {
        RuleTester.postgres().only(LossyTypeChangeRule.ID)
                .released("CREATE TABLE rp (create_time time, created_at timestamp, d date, n int, j json, "
                        + "s smallint);")
                .deploy("ALTER TABLE rp ALTER COLUMN create_time TYPE timestamp USING (current_date + create_time);\n"
                        + "ALTER TABLE rp ALTER COLUMN created_at TYPE timestamptz USING created_at AT TIME ZONE 'UTC';\n"
                        + "ALTER TABLE rp ALTER COLUMN d TYPE timestamp;\n"
                        + "ALTER TABLE rp ALTER COLUMN n TYPE varchar(11);\n"
                        + "ALTER TABLE rp ALTER COLUMN j TYPE jsonb;\n"
                        + "ALTER TABLE rp ALTER COLUMN s TYPE varchar(5); -- expect: DL202")
                .check();
    }

    @Test
    void mysqlTimestampRangeAndTimeZone() {
        RuleTester.mysql().only(LossyTypeChangeRule.ID)
                .released("CREATE TABLE e (a TIMESTAMP, b DATETIME, c TIME, d DATE, f DATE);")
                .deploy("ALTER TABLE e MODIFY a DATETIME;\n"
                        + "ALTER TABLE e MODIFY b TIMESTAMP; -- expect: DL202\n"
                        + "ALTER TABLE e MODIFY c DATETIME;\n"
                        + "ALTER TABLE e MODIFY d TIMESTAMP; -- expect: DL202\n"
                        + "ALTER TABLE e MODIFY f DATETIME;")
                .check();
    }
}
