package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC108 drop-default-on-required through the real pipeline. */
class DropDefaultOnRequiredRuleTest {
    @Test
    void dropDefaultOfANotNullColumn() {
        RuleTester.postgres().only(DropDefaultOnRequiredRule.ID)
                .released("CREATE TABLE orders (id int, status text NOT NULL DEFAULT 'new', note text DEFAULT '');")
                .deploy("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT; -- expect: BC108\n"
                        + "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;")
                .check();
    }

    @Test
    void dropDefaultOfAColumnMadeNotNullByAnEarlierMigration() {
        RuleTester.postgres().only(DropDefaultOnRequiredRule.ID)
                .released("CREATE TABLE orders (id int, status text DEFAULT 'new');")
                .released("ALTER TABLE orders ALTER COLUMN status SET NOT NULL;")
                .deploy("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT; -- expect: BC108")
                .check();
    }

    @Test
    void mysqlModifyWithoutTheDefaultDropsIt() {
        RuleTester.mysql().only(DropDefaultOnRequiredRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT 0);")
                .deploy("ALTER TABLE items MODIFY qty BIGINT NOT NULL; -- expect: BC108")
                .check();
    }
}
