package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK607 unique-without-index through the real pipeline. */
class UniqueWithoutIndexRuleTest {
    @Test
    void uniqueAndPrimaryKeyBuildTheirIndexUnderLock() {
        RuleTester.postgres().only(UniqueWithoutIndexRule.ID)
                .released("CREATE TABLE items (id int, sku text);")
                .deploy("ALTER TABLE items ADD PRIMARY KEY (id); -- expect: LK607\n"
                        + "ALTER TABLE items ADD CONSTRAINT items_sku UNIQUE (sku); -- expect: LK607\n"
                        + "ALTER TABLE items ADD COLUMN code text UNIQUE; -- expect: LK607")
                .check();
    }

    @Test
    void usingAnExistingIndexIsFine() {
        RuleTester.postgres().only(UniqueWithoutIndexRule.ID)
                .released("CREATE TABLE items (id int, sku text);")
                .deploy("CREATE UNIQUE INDEX CONCURRENTLY items_sku_idx ON items (sku);")
                .deploy("ALTER TABLE items ADD CONSTRAINT items_sku UNIQUE USING INDEX items_sku_idx;")
                .check();
    }

    @Test
    void uniqueOnANewTableIsFine() {
        RuleTester.postgres().only(UniqueWithoutIndexRule.ID)
                .deploy("CREATE TABLE products (id bigint, sku text);\n"
                        + "ALTER TABLE products ADD CONSTRAINT sku_u UNIQUE (sku);")
                .check();
    }
}
