package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK605 table-rewriting-type-change through the real pipeline. */
class TableRewritingTypeChangeRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void rewritingTypeChanges() {
        RuleTester.postgres().only(TableRewritingTypeChangeRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN id TYPE bigint; -- expect: LK605\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE varchar(50); -- expect: LK605\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE numeric(12,4); -- expect: LK605\n"
                        + "ALTER TABLE users ALTER COLUMN name TYPE varchar(20); -- expect: LK605")
                .check();
    }

    @Test
    void typeChangesWithoutRewrite() {
        RuleTester.postgres().only(TableRewritingTypeChangeRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n"
                        + "ALTER TABLE users ALTER COLUMN email TYPE text;\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE numeric(14,2);\n"
                        + "ALTER TABLE users ALTER COLUMN score TYPE numeric;")
                .check();
    }

    @Test
    void typeChangeOnUnknownColumnMayRewrite() {
        RuleTester.postgres().only(TableRewritingTypeChangeRule.ID)
                .deploy("ALTER TABLE legacy ALTER COLUMN c TYPE text; -- expect: LK605")
                .check();
    }

    @Test
    void typeChangeOnANewTableIsFine() {
        RuleTester.postgres().only(TableRewritingTypeChangeRule.ID)
                .deploy("CREATE TABLE t (a int);")
                .deploy("ALTER TABLE t ALTER COLUMN a TYPE bigint;")
                .check();
    }
}
