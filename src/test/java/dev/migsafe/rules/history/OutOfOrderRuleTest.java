package dev.migsafe.rules.history;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** HS402 out-of-order through the real pipeline. */
class OutOfOrderRuleTest {
    @Test
    void newMigrationSortingBeforeAReleasedOne() {
        RuleTester.postgres().only(OutOfOrderRule.ID)
                .released("CREATE TABLE users (id int);")
                .released("CREATE TABLE orders (id int);")
                .deployVersion("1.5", "-- expect: HS402\nCREATE TABLE tags (id int);")
                .deploy("CREATE TABLE later (id int);")
                .check();
    }
}
