package dev.migsafe.cli;

import static dev.migsafe.cli.GitReleasesCliTest.findings;
import static dev.migsafe.cli.GitReleasesCliTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;

/** Liquibase projects end to end: the sample's releases, tagDatabase releases, git refs, contexts. */
class LiquibaseCliTest {
    static final String SAMPLE = "sample-migrations/accounts-liquibase";
    private static final String MASTER = "databaseChangeLog:\n  - includeAll:\n      path: changes/\n"
            + "      relativeToChangelogFile: true\n";

    @TempDir
    Path dir;

    @Test
    void sampleAdditiveReleaseIsGo() {
        CliRun run = CliRun.of("can-rollback", "v1.1", "v1.0", "--project", SAMPLE, "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("GO", run.json().get("verdict").asText());
        assertEquals(List.of(), findings(run.json(), "RB301"), "addColumn and createIndex have Liquibase inverses");
    }

    @Test
    void sampleDropOfAColumnTheOlderReleaseReadsIsNoGo() {
        CliRun run = CliRun.of("can-rollback", "v1.2", "v1.1", "--project", SAMPLE, "--format", "json");
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
            CliRun byGit = CliRun.of("can-rollback", "v2", "v1", "--project", repo.dir().toString(), "--format", "json");
            assertEquals(1, byGit.exitCode(), byGit::toString);
            JsonNode bc102 = only(byGit.json(), "BC102");
            assertEquals("src/main/resources/db/changelog/changes/003.yaml", bc102.get("file").asText());
            assertEquals("users.nick", bc102.get("object").asText());
            assertEquals(1, findings(byGit.json(), "DL203").size(), "the test-context DELETE is in without --contexts");

            CliRun prod = CliRun.of("can-rollback", "v2", "v1", "--project", repo.dir().toString(), "--format", "json",
                    "--contexts", "prod");
            assertEquals(List.of(), findings(prod.json(), "DL203"), prod::toString);

            // a release named by a tagDatabase changeSet, not a git ref: the working tree's changelog up to the tag
            CliRun byTag = CliRun.of("can-rollback", "HEAD", "r1", "--project", repo.dir().toString(), "--format", "json");
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

    private static String changeSet(String id, String change) {
        return "databaseChangeLog:\n  - changeSet:\n      id: " + id + "\n      author: dev\n      changes:\n        - "
                + change;
    }
}
