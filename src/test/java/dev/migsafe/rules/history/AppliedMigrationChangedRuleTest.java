package dev.migsafe.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** HS401 applied-migration-changed through the real pipeline. */
class AppliedMigrationChangedRuleTest {
    @Test
    void releasedMigrationEdited() {
        RuleTester.postgres().only(AppliedMigrationChangedRule.ID)
                .released("CREATE TABLE users (id int);")
                .editedInNewer("-- expect: HS401\nCREATE TABLE users (id bigint);")
                .released("CREATE TABLE orders (id int);")
                .deploy("CREATE TABLE tags (id int);")
                .check();
    }

    @Test
    void releasedMigrationRemoved() {
        Finding f = RuleTester.postgres().only(AppliedMigrationChangedRule.ID)
                .released("CREATE TABLE users (id int); -- expect: HS401")
                .removedInNewer()
                .released("CREATE TABLE orders (id int);")
                .onlyFinding();
        assertEquals("V1__m.sql", f.file());
        assertTrue(f.message().contains("gone"), f.message());
    }
}
