package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK604 set-not-null-without-check through the real pipeline. */
class SetNotNullWithoutCheckRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void setNotNullWithoutCheck() {
        RuleTester.postgres().only(SetNotNullWithoutCheckRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void setNotNullAfterAValidatedCheck() {
        RuleTester.postgres().only(SetNotNullWithoutCheckRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;")
                .deploy("ALTER TABLE users VALIDATE CONSTRAINT email_nn;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                        + "ALTER TABLE users ALTER COLUMN name SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void setNotNullWithAnUnvalidatedCheck() {
        RuleTester.postgres().only(SetNotNullWithoutCheckRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void beforePostgres12TheCheckDoesNotHelp() {
        RuleTester.postgres().only(SetNotNullWithoutCheckRule.ID).serverVersion("11")
                .released(USERS + "\nALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);")
                .deploy("ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: LK604")
                .check();
    }

    @Test
    void setNotNullOnANewTableIsFine() {
        RuleTester.postgres().only(SetNotNullWithoutCheckRule.ID)
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;")
                .check();
    }
}
