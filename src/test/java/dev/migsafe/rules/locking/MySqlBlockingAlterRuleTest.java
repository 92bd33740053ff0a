package dev.migsafe.rules.locking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** LK611 mysql-blocking-alter through the real pipeline. */
class MySqlBlockingAlterRuleTest {
    private static final String MY_USERS = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(50), "
            + "status ENUM('new','active','gone'), note TEXT, age INT);";
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void mysqlTableCopies() {
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID)
                .released(MY_USERS + "\nCREATE TABLE orgs (id INT PRIMARY KEY);")
                .deploy("ALTER TABLE users MODIFY age BIGINT; -- expect: LK611\n"
                        + "ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (age) REFERENCES orgs (id); -- expect: LK611\n"
                        + "ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4; -- expect: LK611\n"
                        + "ALTER TABLE users ADD COLUMN seq INT AUTO_INCREMENT UNIQUE; -- expect: LK611")
                .check();
    }

    @Test
    void mysqlOnlineChanges() {
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n"
                        + "ALTER TABLE users DROP COLUMN note;\n"
                        + "ALTER TABLE users MODIFY email VARCHAR(60);\n"
                        + "ALTER TABLE users MODIFY status ENUM('new','active','gone','banned');\n"
                        + "ALTER TABLE users ALTER COLUMN age SET DEFAULT 0;\n"
                        + "CREATE INDEX users_age ON users (age);")
                .check();
    }

    @Test
    void varcharCrossingThe255ByteBoundaryCopies() {
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY email VARCHAR(100); -- expect: LK611")
                .check();
    }

    @Test
    void algorithmClauseTheActionCannotHaveFails() {
        Finding f = RuleTester.mysql().only(MySqlBlockingAlterRule.ID).serverVersion("8.0.28")
                .released(MY_USERS)
                .deploy("ALTER TABLE users DROP COLUMN note, ALGORITHM=INSTANT;")
                .onlyFinding();
        assertTrue(f.message().contains("statement fails"), f.message());
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID).serverVersion("8.0.29")
                .released(MY_USERS)
                .deploy("ALTER TABLE users DROP COLUMN note, ALGORITHM=INSTANT;")
                .check();
    }

    @Test
    void mysqlLockNoneOnACopyFails() {
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID)
                .released(MY_USERS)
                .deploy("ALTER TABLE users MODIFY age BIGINT, ALGORITHM=INPLACE, LOCK=NONE; -- expect: LK611")
                .check();
    }

    @Test
    void foreignKeyWithChecksOffIsInplace() {
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID)
                .released(MY_USERS + "\nCREATE TABLE orgs (id INT PRIMARY KEY);")
                .deploy("SET foreign_key_checks = 0;\n"
                        + "ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (age) REFERENCES orgs (id);")
                .check();
    }

    @Test
    void mysqlChangesOnANewTableAreFine() {
        RuleTester.mysql().only(MySqlBlockingAlterRule.ID)
                .deploy("CREATE TABLE t (a INT);\nALTER TABLE t MODIFY a BIGINT;")
                .check();
    }

    @Test
    void postgresIsNotCheckedByMySqlRules() {
        RuleTester.postgres().only("LK611", "LK612", "LK613")
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN nick text NOT NULL;")
                .check();
    }
}
