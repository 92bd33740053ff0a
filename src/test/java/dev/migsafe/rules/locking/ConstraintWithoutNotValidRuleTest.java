package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK603 constraint-without-not-valid through the real pipeline. */
class ConstraintWithoutNotValidRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void foreignKeyAndCheckWithoutNotValid() {
        RuleTester.postgres().only(ConstraintWithoutNotValidRule.ID)
                .released(USERS + "\nCREATE TABLE orgs (id int PRIMARY KEY);")
                .deploy("ALTER TABLE users ADD CONSTRAINT users_org FOREIGN KEY (org_id) REFERENCES orgs (id); -- expect: LK603\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_score CHECK (score >= 0); -- expect: LK603\n"
                        + "ALTER TABLE users ADD COLUMN team_id int REFERENCES orgs (id); -- expect: LK603")
                .check();
    }

    @Test
    void notValidThenValidateInAnotherTransactionIsFine() {
        RuleTester.postgres().only(ConstraintWithoutNotValidRule.ID)
                .released(USERS + "\nCREATE TABLE orgs (id int PRIMARY KEY);")
                .format("sql")
                .deploy("ALTER TABLE users ADD CONSTRAINT users_org FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT users_org;")
                .check();
    }

    @Test
    void validateInTheSameTransactionAsNotValid() {
        RuleTester.postgres().only(ConstraintWithoutNotValidRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT users_score CHECK (score >= 0) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT users_score; -- expect: LK603")
                .check();
    }

    @Test
    void constraintsOnANewTableAreFine() {
        RuleTester.postgres().only(ConstraintWithoutNotValidRule.ID)
                .released(USERS)
                .deploy("CREATE TABLE posts (id int, user_id int);\n"
                        + "ALTER TABLE posts ADD CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id);\n"
                        + "ALTER TABLE posts ADD CONSTRAINT posts_id CHECK (id > 0);")
                .check();
    }
}
