package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.DownMigrationRisk.Risk;

/** The rules that declare each risk, named in catalog order as the down-migrations strategy's notes name them. */
class DownMigrationRiskTest {

    @Test
    void eachRiskIsDeclaredByItsRules() {
        assertEquals("RB302", DownMigrationRisk.ruleIds(Risk.DOWN_LOSES_DATA));
        assertEquals("RB303/RB304", DownMigrationRisk.ruleIds(Risk.DOWN_MAY_FAIL));
        assertEquals("DL201/DL202", DownMigrationRisk.ruleIds(Risk.UP_DESTROYED_DATA));
    }
}
