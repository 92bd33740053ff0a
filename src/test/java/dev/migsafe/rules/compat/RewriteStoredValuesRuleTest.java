package dev.migsafe.rules.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** BC111 rewrite-stored-values through the real pipeline. */
class RewriteStoredValuesRuleTest {
    private static final String PREFS = "CREATE TABLE user_preferences (username varchar(100) PRIMARY KEY, "
            + "second_factor_method varchar(11) NOT NULL);";

    @Test
    void renamedCodeLikeValueOfAnOlderColumn() {
        // Authelia V0002: the older release knows 'u2f', not 'webauthn'
        RuleTester.postgres().only(RewriteStoredValuesRule.ID)
                .released(PREFS)
                .deploy("UPDATE user_preferences SET second_factor_method = 'webauthn' WHERE second_factor_method = 'u2f'; -- expect: BC111\n"
                        + "UPDATE user_preferences SET second_factor_method = 'totp' WHERE username = 'x';")
                .check();
    }

    @Test
    void renameAmongOtherConditionsAndInLists() {
        RuleTester.mysql().only(RewriteStoredValuesRule.ID)
                .released("CREATE TABLE registry (id INT PRIMARY KEY, type VARCHAR(32), project_id INT);")
                .deploy("UPDATE registry SET type = 'quay' WHERE (type = 'quay-io' AND project_id > 0); -- expect: BC111\n"
                        + "UPDATE registry SET type = 'harbor' WHERE type IN ('harbor-v1', 'harbor-v2'); -- expect: BC111\n"
                        + "UPDATE registry SET type = CASE type WHEN 'gcr' THEN 'google-gcr' WHEN 'ecr' THEN 'aws-ecr' ELSE type END; -- expect: BC111\n"
                        + "UPDATE registry SET type = CASE WHEN type = 'dtr' THEN 'docker-registry' END WHERE project_id = 1; -- expect: BC111\n"
                        + "UPDATE registry SET type = CASE WHEN project_id = 1 THEN 'x' END;")
                .check();
    }

    @Test
    void valuesTheOlderReleaseKnowsOrThatAreNotCodesAreNotRenames() {
        RuleTester.postgres().only(RewriteStoredValuesRule.ID)
                .released("CREATE TYPE status AS ENUM ('running', 'failed');\n"
                        + "CREATE TABLE runs (id int PRIMARY KEY, status status, state varchar(20) CHECK (state IN ('new', 'done')), "
                        + "filters text, note text);")
                .deploy("UPDATE runs SET status = 'failed' WHERE status = 'running';\n" // an enum label it knows
                        + "UPDATE runs SET state = 'done' WHERE state = 'new';\n" // allowed by its CHECK
                        + "UPDATE runs SET filters = '[]' WHERE filters = '';\n" // a data fix, not a code
                        + "UPDATE runs SET note = 'a b' WHERE note = 'a';\n" // free text
                        + "UPDATE runs SET note = 'x' WHERE note <> 'y';")
                .check();
    }

    @Test
    void tablesAndColumnsNewInTheRangeAreNotTheOlderRelease() {
        RuleTester.postgres().only(RewriteStoredValuesRule.ID)
                .released(PREFS)
                .deploy("ALTER TABLE user_preferences ADD COLUMN theme varchar(10);\n"
                        + "UPDATE user_preferences SET theme = 'dark' WHERE theme = 'black';\n"
                        + "CREATE TABLE settings (k text, v text);\n"
                        + "UPDATE settings SET k = 'new_key' WHERE k = 'old_key';")
                .check();
    }

    @Test
    void oneFindingPerColumnNamesEveryRenameAndTheWayBack() {
        // Harbor 0030: notification event types renamed by one CASE
        Finding f = RuleTester.postgres().only(RewriteStoredValuesRule.ID)
                .released("CREATE TABLE notification_job (id int, event_type varchar(256));")
                .deploy("UPDATE notification_job SET event_type = CASE\n"
                        + " WHEN notification_job.event_type = 'pushImage' THEN 'PUSH_ARTIFACT'\n"
                        + " WHEN notification_job.event_type = 'pullImage' THEN 'PULL_ARTIFACT' END;")
                .onlyFinding();
        assertTrue(f.message().contains("('pushImage' -> 'PUSH_ARTIFACT', 'pullImage' -> 'PULL_ARTIFACT')"), f.message());
        assertTrue(f.fix().contains("UPDATE notification_job SET event_type = 'pushImage' WHERE event_type = 'PUSH_ARTIFACT'; "
                + "UPDATE notification_job SET event_type = 'pullImage' WHERE event_type = 'PULL_ARTIFACT';"), f.fix());
    }
}
