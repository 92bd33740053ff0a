package dev.migsafe.verify;

import static dev.migsafe.verify.TestMigrations.flyway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A failure is blamed on the migration that broke the column, not the first that mentions it. */
class RangeAttributionTest {

    private final RangeAttribution attribution = new RangeAttribution(new ParsedRange(List.of(
            flyway("2", "index_a", "CREATE INDEX t_a ON t (a);\nUPDATE t SET a = lower(a);", null),
            flyway("3", "rename_a", "ALTER TABLE t RENAME COLUMN a TO b;", null),
            flyway("4", "retype_c", "CREATE INDEX t_c ON t (c);\nALTER TABLE t ALTER COLUMN c TYPE int USING c::int;", null),
            flyway("5", "required_d", "ALTER TABLE u ADD COLUMN d text NOT NULL;", null)), ServerKind.POSTGRESQL));

    @Test
    void theMigrationThatRenamedTheColumnIsTheCause() {
        assertTrue(attribution.blame("t", "a").startsWith("migration 3 ("), attribution.blame("t", "a"));
    }

    @Test
    void aNotNullTheOlderReleaseNeverFillsIsBlamedOnTheRenameThatBroughtIt() {
        // the older release inserts without b: the NOT NULL it violates came with a's rename
        assertTrue(attribution.blame("t", "b").startsWith("migration 3 ("), attribution.blame("t", "b"));
    }

    @Test
    void theStatementThatRetypedItNotTheIndexBeforeIt() {
        String blame = attribution.blame("public.t", "c");
        assertTrue(blame.startsWith("migration 4 (") && blame.contains("line 2: ALTER TABLE t ALTER COLUMN c TYPE int"), blame);
    }

    @Test
    void aNewRequiredColumnBreaksInsertsIntoItsTable() {
        assertTrue(attribution.blame("u", null).startsWith("migration 5 ("), attribution.blame("u", null));
    }

    @Test
    void withoutABreakingChangeTheFirstMentionIsNamed() {
        assertTrue(attribution.blame("t", "x").startsWith("migration 2 ("), attribution.blame("t", "x"));
        assertEquals(null, attribution.blame("elsewhere", "x"));
    }
}
