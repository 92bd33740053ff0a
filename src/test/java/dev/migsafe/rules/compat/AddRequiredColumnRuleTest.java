package dev.migsafe.rules.compat;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** BC106 add-required-column through the real pipeline. */
class AddRequiredColumnRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name text, email varchar(100));";

    @Test
    void addRequiredColumn() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN tenant_id int NOT NULL; -- expect: BC106\n"
                        + "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;\n"
                        + "ALTER TABLE users ADD COLUMN nickname text;\n"
                        + "ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;")
                .check();
    }

    @Test
    void requiredColumnGivenADefaultLaterInTheRangeIsFine() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID)
                .released(USERS)
                .deploy("ALTER TABLE users ADD COLUMN tenant_id int NOT NULL;")
                .deploy("ALTER TABLE users ALTER COLUMN tenant_id SET DEFAULT 1;")
                .check();
    }

    @Test
    void mysqlAddRequiredColumn() {
        RuleTester.mysql().only(AddRequiredColumnRule.ID)
                .released("CREATE TABLE items (id INT PRIMARY KEY);")
                .deploy("ALTER TABLE items ADD COLUMN sku VARCHAR(20) NOT NULL; -- expect: BC106")
                .check();
    }
}
