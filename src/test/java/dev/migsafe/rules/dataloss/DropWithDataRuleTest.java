package dev.migsafe.rules.dataloss;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** DL201 drop-with-data through the real pipeline. */
class DropWithDataRuleTest {
    private static final String ORDERS = "CREATE TABLE orders (id int PRIMARY KEY, note text, total numeric(10,2), "
            + "code varchar(40), placed timestamp);";

    @Test
    void dropOfTablesAndColumnsThatHeldData() {
        RuleTester.postgres().only(DropWithDataRule.ID)
                .released(ORDERS + "\nCREATE TABLE audit (id int);")
                .deploy("CREATE TABLE staging (id int, x text);\n"
                        + "ALTER TABLE staging DROP COLUMN x;\n"
                        + "DROP TABLE staging;\n"
                        + "ALTER TABLE orders DROP COLUMN note; -- expect: DL201\n"
                        + "DROP TABLE audit; -- expect: DL201")
                .check();
    }
}
