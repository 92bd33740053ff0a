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
}
