package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
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

    private static final String ARTIFACT =
            "CREATE TABLE artifact (id serial PRIMARY KEY, digest varchar(255) NOT NULL, media_type varchar(255));";

    /** Harbor: added nullable, backfilled, then made NOT NULL; the older release's inserts omit it. */
    @Test
    void newColumnMadeRequiredInSteps() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type varchar(255);\n"
                        + "UPDATE artifact SET artifact_type = media_type WHERE artifact_type IS NULL;\n"
                        + "ALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL; -- expect: BC106")
                .check();
    }

    @Test
    void newColumnMadeRequiredInALaterMigration() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type varchar(255);")
                .deploy("UPDATE artifact SET artifact_type = media_type WHERE artifact_type IS NULL;")
                .deploy("ALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL; -- expect: BC106")
                .check();
    }

    @Test
    void newColumnMadeRequiredThenGivenADefaultOrDroppedIsFine() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type varchar(255);\n"
                        + "ALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL;\n"
                        + "ALTER TABLE artifact ADD COLUMN size bigint;\n"
                        + "ALTER TABLE artifact ALTER COLUMN size SET NOT NULL;")
                .deploy("ALTER TABLE artifact ALTER COLUMN artifact_type SET DEFAULT 'image';\n"
                        + "ALTER TABLE artifact DROP COLUMN size;")
                .check();
    }

    @Test
    void newColumnLosingItsDefaultBecomesRequired() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID, DropDefaultOnRequiredRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type varchar(255) NOT NULL DEFAULT 'image';\n"
                        + "ALTER TABLE artifact ALTER COLUMN artifact_type DROP DEFAULT; -- expect: BC106")
                .check();
    }

    @Test
    void columnOfTheOlderReleaseMadeRequiredIsBc107Only() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ALTER COLUMN media_type SET NOT NULL; -- expect: BC107")
                .check();
    }

    @Test
    void newColumnOfANewTableMadeRequiredIsFine() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released(ARTIFACT)
                .deploy("CREATE TABLE label (id int PRIMARY KEY);\n"
                        + "ALTER TABLE label ADD COLUMN name text;\n"
                        + "ALTER TABLE label ALTER COLUMN name SET NOT NULL;")
                .check();
    }

    @Test
    void mysqlNewColumnMadeRequiredByModify() {
        RuleTester.mysql().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released("CREATE TABLE artifact (id INT PRIMARY KEY AUTO_INCREMENT, media_type VARCHAR(255));")
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type VARCHAR(255);\n"
                        + "UPDATE artifact SET artifact_type = media_type WHERE artifact_type IS NULL;")
                .deploy("ALTER TABLE artifact MODIFY artifact_type VARCHAR(255) NOT NULL; -- expect: BC106")
                .check();
    }

    @Test
    void reportedOnceAtTheStepThatLeavesItRequired() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID, DropDefaultOnRequiredRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type varchar(255) NOT NULL;\n"
                        + "ALTER TABLE artifact ALTER COLUMN artifact_type SET DEFAULT 'image';")
                .deploy("ALTER TABLE artifact ALTER COLUMN artifact_type DROP DEFAULT; -- expect: BC106\n"
                        + "ALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL;")
                .check();
    }

    /** Marquez V61: the old column is renamed away and a new one takes its name; the older release's inserts name it. */
    @Test
    void newColumnUnderANameTheOlderReleaseWritesIsBc102s() {
        RuleTester.postgres().only(AddRequiredColumnRule.ID, SetNotNullRule.ID)
                .released("CREATE TABLE jobs (uuid uuid PRIMARY KEY, name varchar NOT NULL);")
                .deploy("ALTER TABLE jobs RENAME COLUMN name TO simple_name;\n"
                        + "ALTER TABLE jobs ADD COLUMN name varchar;\n"
                        + "UPDATE jobs SET name = simple_name;\n"
                        + "ALTER TABLE jobs ALTER COLUMN name SET NOT NULL;")
                .check();
    }

    @Test
    void messageNamesTheStatementThatMadeItRequired() {
        Finding f = RuleTester.postgres().only(AddRequiredColumnRule.ID)
                .released(ARTIFACT)
                .deploy("ALTER TABLE artifact ADD COLUMN artifact_type varchar(255);\n"
                        + "ALTER TABLE artifact ALTER COLUMN artifact_type SET NOT NULL;")
                .onlyFinding();
        assertEquals("artifact.artifact_type", f.object());
        assertTrue(f.message().contains("made NOT NULL here"), f.message());
    }
}
