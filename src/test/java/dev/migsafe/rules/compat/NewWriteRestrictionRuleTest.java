package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.rules.Severity;

/** BC109 new-write-restriction through the real pipeline. */
class NewWriteRestrictionRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void newConstraintsOnColumnsOfTheOlderRelease() {
        RuleTester.postgres().only(NewWriteRestrictionRule.ID)
                .released(USERS + "\nCREATE TABLE orders (id int, user_id int, total int);")
                .deploy("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: BC109\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id); -- expect: BC109\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0); -- expect: BC109\n"
                        + "CREATE UNIQUE INDEX users_name_idx ON users (lower(name)); -- expect: BC109\n"
                        + "CREATE INDEX orders_user_idx ON orders (user_id);")
                .check();
    }

    @Test
    void constraintOnlyOnNewColumnsIsFine() {
        RuleTester.postgres().only(NewWriteRestrictionRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN handle text;\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_handle_key UNIQUE (handle);\n"
                        + "CREATE TABLE tags (id int, name text);\n"
                        + "ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name);")
                .check();
    }

    @Test
    void reCreatingARestrictionTheOlderReleaseHadIsFine() {
        RuleTester.postgres().only(NewWriteRestrictionRule.ID)
                .released(USERS + "\nCREATE TABLE orders (id int, user_id int REFERENCES users (id));\n"
                        + "CREATE UNIQUE INDEX users_email_idx ON users (email);")
                .deploy("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey,\n"
                        + "  ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")
                .check();
    }

    @Test
    void newWriteRestrictionIsAWarning() {
        Finding f = RuleTester.postgres().only(NewWriteRestrictionRule.ID).released(USERS)
                .deploy("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);").onlyFinding();
        assertEquals(Severity.WARNING, f.severity());
    }
}
