package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC104 drop-column through the real pipeline. */
class DropColumnRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void dropColumnOfTheOlderRelease() {
        RuleTester.postgres().only(DropColumnRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nickname text;\n"
                        + "ALTER TABLE users DROP COLUMN nickname;\n"
                        + "ALTER TABLE users DROP COLUMN email; -- expect: BC104\n"
                        + "ALTER TABLE users DROP COLUMN IF EXISTS nothing;")
                .check();
    }

    @Test
    void dropColumnOfATableTheModelNeverSawDefined() {
        // the table comes from outside the migrations; the older release touched it, so it exists
        RuleTester.postgres().only(DropColumnRule.ID)
                .released("ALTER TABLE legacy ADD COLUMN flag boolean;")
                .deploy("ALTER TABLE legacy DROP COLUMN old_code; -- expect: BC104")
                .check();
    }

    @Test
    void mysqlDropColumn() {
        RuleTester.mysql().only(DropColumnRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY, notes TEXT);")
                .deploy("ALTER TABLE items DROP COLUMN notes; -- expect: BC104")
                .check();
    }

    @Test
    void tableOnlyAlteredInTheRangeCountsAsExistingForOtherRulesToo() {
        RuleTester.postgres().only("BC104", "BC102")
                .deploy("ALTER TABLE legacy DROP COLUMN x; -- expect: BC104\n"
                        + "ALTER TABLE legacy RENAME COLUMN y TO z; -- expect: BC102\n"
                        + "DROP TABLE IF EXISTS maybe;")
                .check();
    }
}
