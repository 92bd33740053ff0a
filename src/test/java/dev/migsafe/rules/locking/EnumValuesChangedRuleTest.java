package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK612 enum-values-reordered through the real pipeline. */
class EnumValuesChangedRuleTest {
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";

    @Test
    void enumValuesRemovedOrReordered() {
        RuleTester.mysql().only(EnumValuesChangedRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY status ENUM('new','active'); -- expect: LK612")
                .deploy("ALTER TABLE users MODIFY status ENUM('active','new'); -- expect: LK612")
                .check();
    }

    @Test
    void enumValuesAppendedAreFine() {
        RuleTester.mysql().only(EnumValuesChangedRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY status ENUM('new','active','gone','banned');")
                .check();
    }
}
