package dev.migsafe.rules;

import org.junit.jupiter.api.Test;

/** DL201-DL203 through the real pipeline. */
class DataLossRulesTest {

    private static final String ORDERS = "CREATE TABLE orders (id int PRIMARY KEY, note text, total numeric(10,2), "
            + "code varchar(40), placed timestamp);";

    @Test
    void dropOfTablesAndColumnsThatHeldData() {
        RuleTester.postgres().only("DL201")
                .released(ORDERS + "\nCREATE TABLE audit (id int);")
                .deploy("CREATE TABLE staging (id int, x text);\n"
                        + "ALTER TABLE staging DROP COLUMN x;\n"
                        + "DROP TABLE staging;\n"
                        + "ALTER TABLE orders DROP COLUMN note; -- expect: DL201\n"
                        + "DROP TABLE audit; -- expect: DL201")
                .check();
    }

    @Test
    void lossyTypeChanges() {
        RuleTester.postgres().only("DL202")
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
        RuleTester.mysql().only("DL202")
                .released("CREATE TABLE items (id INT PRIMARY KEY, price DECIMAL(10,2), kind ENUM('a','b','c'));")
                .deploy("ALTER TABLE items MODIFY price DECIMAL(6,2); -- expect: DL202\n"
                        + "ALTER TABLE items MODIFY kind ENUM('a','b'); -- expect: DL202")
                .check();
    }

    @Test
    void unboundedDml() {
        RuleTester.postgres().only("DL203")
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
