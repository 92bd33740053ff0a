package dev.migsafe.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.rules.Severity;

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

    @Test
    void aFormattingPassIsCosmeticAndOnlyInfo() {
        Finding f = RuleTester.postgres().only(AppliedMigrationChangedRule.ID)
                .released("create table users (id int, \"name\" text);")
                .editedInNewer("-- reformatted\nCREATE TABLE Users (\n    id   INT,\n    name TEXT\n)")
                .onlyFinding();
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("a cosmetic edit"), f.message());
        assertTrue(f.message().contains("flyway repair"), f.message());
    }

    @Test
    void aQuotedNameThatKeepsItsCaseIsNotCosmetic() {
        Finding f = RuleTester.postgres().only(AppliedMigrationChangedRule.ID)
                .released("CREATE TABLE users (id int);")
                .editedInNewer("CREATE TABLE \"Users\" (id int);")
                .onlyFinding();
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("a semantic edit"), f.message());
    }

    @Test
    void eachToolSaysWhatItDoesWithAnEditedMigration() {
        Finding updown = RuleTester.postgres().only(AppliedMigrationChangedRule.ID).format("updown")
                .released("CREATE TABLE users (id int);")
                .editedInNewer("CREATE TABLE users (id bigint);")
                .onlyFinding();
        assertTrue(updown.message().contains("golang-migrate stores no checksum"), updown.message());
        assertFalse(updown.message().contains("checksum validation fails"), updown.message());

        Finding liquibase = RuleTester.postgres().only(AppliedMigrationChangedRule.ID).format("liquibase")
                .released("CREATE TABLE users (id int);")
                .editedInNewer("CREATE TABLE users (id bigint);")
                .onlyFinding();
        assertTrue(liquibase.message().contains("runOnChange or validCheckSum"), liquibase.message());
    }

    @Test
    void liquibaseIgnoresAChangeSetThatIsGoneSoItIsAWarning() {
        Finding f = RuleTester.postgres().only(AppliedMigrationChangedRule.ID).format("liquibase")
                .released("CREATE TABLE users (id int);")
                .removedInNewer()
                .released("CREATE TABLE orders (id int);")
                .onlyFinding();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("Liquibase ignores"), f.message());
    }
}
