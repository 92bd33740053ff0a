package dev.migsafe.cli;

import static dev.migsafe.cli.GitReleasesCliTest.findings;
import static dev.migsafe.cli.GitReleasesCliTest.only;
import static dev.migsafe.cli.VerifiedSampleTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;
import dev.migsafe.test.UsesDatabase;

/** Liquibase projects end to end: the sample's releases, tagDatabase releases, git refs, contexts. */
class LiquibaseCliTest {
    static final String SAMPLE = "sample-migrations/accounts-liquibase";
    private static final String MASTER = "databaseChangeLog:\n  - includeAll:\n      path: changes/\n"
            + "      relativeToChangelogFile: true\n";

    @TempDir
    Path dir;

    @Test
    void sampleAdditiveReleaseIsGo() {
        CliRun run = CliRun.of("can-rollback", "--verify", "none", "v1.1", "v1.0", "--project", SAMPLE, "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("GO", run.json().get("verdict").asText());
        assertEquals(List.of(), findings(run.json(), "RB301"), "addColumn and createIndex have Liquibase inverses");
    }

    @Test
    void sampleDropOfAColumnTheOlderReleaseReadsIsNoGo() {
        CliRun run = CliRun.of("can-rollback", "--verify", "none", "v1.2", "v1.1", "--project", SAMPLE, "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode bc104 = only(run.json(), "BC104");
        assertEquals("db/changelog/changes/003-drop-display-name.yaml", bc104.get("file").asText());
        assertEquals(7, bc104.get("line").asInt());
        assertEquals("accounts.display_name", bc104.get("object").asText());
    }

    @Test
    void gitRefsTagDatabaseReleasesEditedChangeSetsAndContexts() {
        try (TestRepo repo = TestRepo.init(dir.resolve("lb"))) {
            repo.write("src/main/resources/db/changelog/db.changelog-master.yaml", MASTER)
                    .write("src/main/resources/db/changelog/changes/001.yaml", changeSet("1", "createTable:\n"
                            + "            tableName: users\n            columns:\n              - column:\n"
                            + "                  name: id\n                  type: BIGINT\n              - column:\n"
                            + "                  name: nick\n                  type: VARCHAR(50)\n"))
                    .write("src/main/resources/db/changelog/changes/002.yaml", changeSet("release-1", "tagDatabase:\n"
                            + "            tag: r1\n"))
                    .commit("r1");
            repo.tag("v1");
            repo.write("src/main/resources/db/changelog/changes/003.yaml", changeSet("2", "renameColumn:\n"
                            + "            tableName: users\n            oldColumnName: nick\n            newColumnName: handle\n")
                            + "  - changeSet:\n      id: seed\n      author: dev\n      context: test\n      changes:\n"
                            + "        - delete:\n            tableName: users\n")
                    .commit("v2");
            repo.tag("v2");

            // git refs, with detection of the changelog at each ref
            CliRun byGit = CliRun.of("can-rollback", "--verify", "none", "v2", "v1", "--project", repo.dir().toString(), "--format", "json");
            assertEquals(1, byGit.exitCode(), byGit::toString);
            JsonNode bc102 = only(byGit.json(), "BC102");
            assertEquals("src/main/resources/db/changelog/changes/003.yaml", bc102.get("file").asText());
            assertEquals("users.nick", bc102.get("object").asText());
            assertEquals(1, findings(byGit.json(), "DL203").size(), "the test-context DELETE is in without --contexts");

            CliRun prod = CliRun.of("can-rollback", "--verify", "none", "v2", "v1", "--project", repo.dir().toString(), "--format", "json",
                    "--contexts", "prod");
            assertEquals(List.of(), findings(prod.json(), "DL203"), prod::toString);

            // a release named by a tagDatabase changeSet, not a git ref: the working tree's changelog up to the tag
            CliRun byTag = CliRun.of("can-rollback", "--verify", "none", "HEAD", "r1", "--project", repo.dir().toString(), "--format", "json");
            assertEquals(1, byTag.exitCode(), byTag::toString);
            only(byTag.json(), "BC102");

            // a released changeSet edited afterwards: HS401, semantic
            repo.write("src/main/resources/db/changelog/changes/001.yaml", changeSet("1", "createTable:\n"
                    + "            tableName: users\n            columns:\n              - column:\n"
                    + "                  name: id\n                  type: BIGINT\n              - column:\n"
                    + "                  name: nick\n                  type: VARCHAR(80)\n"));
            CliRun edited = CliRun.of("analyze", "--base", "v2", "--project", repo.dir().toString(), "--format", "json");
            String message = only(edited.json(), "HS401").get("message").asText();
            assertTrue(message.contains("semantic edit"), message);
        }
    }

    /**
     * A comment above a changeSet suppresses a finding of its generated rollback, and the other
     * changes of that rollback do not make it look unused (CF702); the second changeSet's line is its
     * own, not the first's.
     */
    @Test
    void suppressionAboveAChangeSetCoversItsGeneratedRollback() throws Exception {
        Path db = dir.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("changelog.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\">\n"
                + "  <changeSet id=\"1\" author=\"dev\">\n"
                + "    <createTable tableName=\"t\"><column name=\"id\" type=\"int\"/></createTable>\n"
                + "  </changeSet>\n"
                + "  <!-- migsafe:ignore RB302 notes are archived before any rollback -->\n"
                + "  <changeSet id=\"2\" author=\"dev\">\n"
                + "    <addColumn tableName=\"t\"><column name=\"note\" type=\"text\"/></addColumn>\n"
                + "    <createIndex tableName=\"t\" indexName=\"t_id_idx\"><column name=\"id\"/></createIndex>\n"
                + "  </changeSet>\n"
                + "</databaseChangeLog>\n");
        CliRun run = CliRun.of("analyze", db.toString(), "--project", dir.toString(), "--format", "json");
        List<JsonNode> lossy = findings(run.json(), "RB302");
        JsonNode note = lossy.stream().filter(f -> f.get("object").asText().equals("t.note")).findFirst().orElseThrow();
        assertEquals(7, note.get("line").asInt(), run::toString);
        assertTrue(note.get("suppressed").asBoolean(), run::toString);
        assertEquals(List.of(), findings(run.json(), "CF702"), run::toString);
    }

    @Test
    @UsesDatabase
    void sampleDropIsProvedByLiquibaseOnEmbeddedPostgres() {
        CliRun run = CliRun.of("can-rollback", "v1.2", "v1.1", "--project", SAMPLE, "--verify", "embedded", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(step(run.json(), "apply older release").get("details").asText().contains("2 migration(s) of the older"
                + " release with Liquibase"), run::toString);
        JsonNode contract = step(run.json(), "older-release contract");
        assertEquals("failed", contract.get("status").asText(), run::toString);
        assertTrue(contract.get("failures").toString().contains("accounts.display_name: SELECT fails")
                && contract.get("failures").toString().contains("003-drop-display-name.yaml line 7"), contract::toString);
        // the declared rollback re-adds the column without its NOT NULL: Liquibase's rollback shows it
        JsonNode rehearsal = step(run.json(), "rollback rehearsal");
        assertEquals("failed", rehearsal.get("status").asText(), run::toString);
        assertTrue(rehearsal.get("failures").toString().contains("accounts.display_name: nullability NOT NULL -> NULL"),
                rehearsal::toString);
        // and the values the up dropped do not come back with the column
        assertTrue(rehearsal.get("failures").toString().contains("3 of 3 values of accounts.display_name are gone"),
                rehearsal::toString);
        // which makes the loss of that way back certain (statically it is only "possible": RB303)
        JsonNode downs = PlanCommandTest.strategy(run.json(), "down-migrations");
        assertEquals("certain", downs.get("dataLoss").asText(), downs::toString);
        assertTrue(downs.get("notes").asText().contains("Rehearsed on PostgreSQL"), downs::toString);
    }

    @Test
    @UsesDatabase
    void sampleAdditiveReleasePassesEveryStepWithLiquibase() {
        CliRun run = CliRun.of("can-rollback", "v1.1", "v1.0", "--project", SAMPLE, "--verify", "embedded", "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        for (JsonNode s : run.json().get("verification").get("steps")) {
            String expected = s.get("name").asText().equals("older-release tests") ? "skipped" : "passed";
            assertEquals(expected, s.get("status").asText(), s.toString());
        }
    }

    /**
     * Git refs end to end with a real database: each release's changelog read from git objects and
     * run by Liquibase after the repository is closed, and the older release's tests run in a git
     * worktree of its ref, in the project's folder of the repository.
     */
    @Test
    @UsesDatabase
    void gitRefsAreVerifiedAndTheOlderReleaseTestsRunInItsCheckout() {
        String changelog = "app/src/main/resources/db/changelog/";
        try (TestRepo repo = TestRepo.init(dir.resolve("lb"))) {
            repo.write(changelog + "db.changelog-master.yaml", MASTER)
                    .write(changelog + "changes/001.yaml", changeSet("1", "createTable:\n"
                            + "            tableName: users\n            columns:\n              - column:\n"
                            + "                  name: id\n                  type: BIGINT\n              - column:\n"
                            + "                  name: nick\n                  type: VARCHAR(50)\n"))
                    .write("app/check-release.sh", "# the older release's test suite, reduced to what it needs\n"
                            + "test -f v1-only.txt && test \"$SPRING_LIQUIBASE_ENABLED\" = false"
                            + " && test -n \"$MIGSAFE_JDBC_URL\"\n")
                    .write("app/v1-only.txt", "only in v1\n")
                    .commit("v1");
            repo.tag("v1");
            repo.write(changelog + "changes/002.yaml", changeSet("2", "renameColumn:\n"
                            + "            tableName: users\n            oldColumnName: nick\n            newColumnName: handle\n"))
                    .delete("app/v1-only.txt")
                    .commit("v2");
            repo.tag("v2");

            CliRun run = CliRun.of("can-rollback", "v2", "v1", "--project", repo.dir().resolve("app").toString(),
                    "--verify", "embedded", "--old-tests", "sh check-release.sh", "--format", "json");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode contract = step(run.json(), "older-release contract");
            assertEquals("failed", contract.get("status").asText(), run::toString);
            assertTrue(contract.get("failures").toString().contains("users.nick: SELECT fails")
                    && contract.get("failures").toString().contains("changes/002.yaml line"), contract::toString);
            JsonNode tests = step(run.json(), "older-release tests");
            assertEquals("passed", tests.get("status").asText(), tests::toString);
            assertEquals("passed", step(run.json(), "rollback rehearsal").get("status").asText(), run::toString);
            Path worktrees = repo.dir().resolve(".git/worktrees");
            assertTrue(!Files.isDirectory(worktrees) || worktrees.toFile().list().length == 0,
                    "the older release's worktree is removed afterwards");
        }
    }

    private static String changeSet(String id, String change) {
        return "databaseChangeLog:\n  - changeSet:\n      id: " + id + "\n      author: dev\n      changes:\n        - "
                + change;
    }
}
