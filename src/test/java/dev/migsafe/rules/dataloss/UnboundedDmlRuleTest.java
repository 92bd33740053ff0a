package dev.migsafe.rules.dataloss;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** DL203 unbounded-dml through the real pipeline. */
class UnboundedDmlRuleTest {
    private static final String ORDERS = "CREATE TABLE orders (id int PRIMARY KEY, note text, total numeric(10,2), "
            + "code varchar(40), placed timestamp);";

    @Test
    void unboundedDml() {
        RuleTester.postgres().only(UnboundedDmlRule.ID)
                .released(ORDERS)
                .deploy("CREATE TABLE tmp (id int);\n"
                        + "DELETE FROM tmp;\n"
                        + "TRUNCATE tmp;\n"
                        + "DELETE FROM orders WHERE total < 0;\n"
                        + "UPDATE orders SET note = '' WHERE note IS NULL;\n"
                        + "DELETE FROM orders; -- expect: DL203\n"
                        + "UPDATE orders SET note = ''; -- expect: DL203\n"
                        + "TRUNCATE orders; -- expect: DL203")
                .check();
    }
}
