package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK606 rewriting-add-column through the real pipeline. */
class RewritingAddColumnRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void volatileDefaultsRewrite() {
        RuleTester.postgres().only(RewritingAddColumnRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN seq serial; -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN doc jsonb DEFAULT my_function(); -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN total numeric GENERATED ALWAYS AS (score * 2) STORED; -- expect: LK606")
                .check();
    }

    @Test
    void constantAndStableDefaultsDoNotRewriteFromPostgres11() {
        RuleTester.postgres().only(RewritingAddColumnRule.ID).serverVersion("11")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;\n"
                        + "ALTER TABLE users ADD COLUMN created timestamptz DEFAULT now();\n"
                        + "ALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}'::text[];\n"
                        + "ALTER TABLE users ADD COLUMN price numeric DEFAULT '1.5'::numeric(10, 2);")
                .check();
    }

    @Test
    void anyDefaultRewritesBeforePostgres11() {
        RuleTester.postgres().only(RewritingAddColumnRule.ID).serverVersion("10")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN active boolean DEFAULT true; -- expect: LK606\n"
                        + "ALTER TABLE users ADD COLUMN nick text;")
                .check();
    }

    @Test
    void volatileDefaultOnANewTableIsFine() {
        RuleTester.postgres().only(RewritingAddColumnRule.ID)
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();")
                .check();
    }
}
