package dev.migsafe.rules.locking;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** LK610 combinable-alters through the real pipeline. */
class CombinableAltersRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";

    @Test
    void severalAltersInARow() {
        RuleTester.postgres().only(CombinableAltersRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int;\n"
                        + "ALTER TABLE users ADD COLUMN b int; -- expect: LK610\n"
                        + "ALTER TABLE users DROP COLUMN name;")
                .check();
    }

    @Test
    void splitOnPurposeIsFine() {
        RuleTester.postgres().only(CombinableAltersRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN a int;\n"
                        + "UPDATE users SET a = 0 WHERE a IS NULL;\n"
                        + "ALTER TABLE users ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE users VALIDATE CONSTRAINT a_nn;\n"
                        + "ALTER TABLE users RENAME COLUMN name TO full_name;\n"
                        + "ALTER TABLE users ALTER COLUMN a SET NOT NULL;")
                .check();
    }

    @Test
    void mysqlRenamesAndIndexesCombineToo() {
        RuleTester.mysql().only(CombinableAltersRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n"
                        + "ALTER TABLE users RENAME COLUMN note TO notes; -- expect: LK610\n"
                        + "CREATE INDEX users_nick ON users (nick);")
                .check();
    }

    @Test
    void altersOfANewTableAreFine() {
        RuleTester.postgres().only(CombinableAltersRule.ID)
                .deploy("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nALTER TABLE t ADD COLUMN c int;")
                .check();
    }
}
