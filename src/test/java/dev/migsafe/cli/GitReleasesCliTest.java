package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;

/**
 * The release-manager flow on real throwaway git repositories (JGit): releases are tags, branches or
 * commits, read from git objects without a checkout.
 */
class GitReleasesCliTest {
    private static final String V1 = "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  name text NOT NULL\n);\n";
    private static final String V2 = "ALTER TABLE users ADD COLUMN email text;\n";
    private static final String V3 = "ALTER TABLE users DROP COLUMN name;\n";

    @TempDir
    Path dir;

    /** v1.0: V1; v1.1: + V2 (additive); v1.2: + V3 (drops a column v1.1 reads). */
    private TestRepo flywayHistory() {
        TestRepo repo = TestRepo.init(dir.resolve("app"));
        repo.write("README.md", "app\n").write("db/migration/V1__create_users.sql", V1).commit("v1.0");
        repo.tag("v1.0");
        repo.write("db/migration/V2__add_email.sql", V2).commit("v1.1");
        repo.lightweightTag("v1.1");
        repo.write("db/migration/V3__drop_name.sql", V3).commit("v1.2");
        repo.tag("v1.2");
        return repo;
    }

    private static CliRun run(TestRepo repo, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", repo.dir().toString(), "--format", "json"));
        if (args[0].equals("can-rollback")) {
            all.addAll(List.of("--verify", "none")); // the static answer; verification has its own tests
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void additiveReleaseIsGoAndDroppingReleaseIsNoGo() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            CliRun go = run(repo, "can-rollback", "v1.1", "v1.0");
            assertEquals(0, go.exitCode(), go::toString);
            assertEquals("GO", go.json().get("verdict").asText());
            assertEquals(List.of("2"), ids(go.json(), "new"));

            CliRun noGo = run(repo, "can-rollback", "v1.2", "v1.1");
            assertEquals(1, noGo.exitCode(), noGo::toString);
            JsonNode bc104 = only(noGo.json(), "BC104");
            assertEquals("db/migration/V3__drop_name.sql", bc104.get("file").asText());
            assertEquals("users.name", bc104.get("object").asText());
            assertEquals(List.of("3"), ids(noGo.json(), "new"));
        }
    }

    @Test
    void aConfigFileOutsideGitDescribesARefWithoutMigsafeYaml() throws Exception {
        // migrations where no detection looks; the configuration is the Maven plugin's, under target/ (not in git)
        try (TestRepo repo = TestRepo.init(dir.resolve("app"))) {
            repo.write("sql/orders/V1__create_users.sql", V1).commit("v1.0");
            repo.tag("v1.0");
            repo.write("sql/orders/V3__drop_name.sql", V3).commit("v1.1");
            Path config = Files.createDirectories(dir.resolve("target")).resolve("migsafe.yaml");
            Files.writeString(config, "migrations:\n  - path: sql/orders\n    format: flyway\n");
            CliRun run = run(repo, "analyze", "--base", "v1.0", "--config", config.toString());
            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("sql/orders/V3__drop_name.sql", only(run.json(), "BC104").get("file").asText());
        }
    }

    @Test
    void branchesAndCommitIdsAreReleasesToo() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            String v11 = repo.git().getRepository().resolve("v1.1^{commit}").getName();
            CliRun run = run(repo, "can-rollback", "main", v11.substring(0, 10));
            assertEquals(1, run.exitCode(), run::toString);
            only(run.json(), "BC104");
            assertEquals(List.of("3"), ids(run.json(), "new"));
        }
    }

    @Test
    void readsGitObjectsAndLeavesTheWorkingTreeAlone() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            // uncommitted work in the working tree must neither leak into a release nor be touched
            repo.write("db/migration/V4__wip.sql", "DROP TABLE users;\n");
            repo.write("db/migration/V2__add_email.sql", "-- local edit\n" + V2);
            CliRun run = run(repo, "can-rollback", "v1.1", "v1.0");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of("2"), ids(run.json(), "new"));
            assertEquals("DROP TABLE users;\n", Files.readString(repo.dir().resolve("db/migration/V4__wip.sql")));
            assertEquals("-- local edit\n" + V2, Files.readString(repo.dir().resolve("db/migration/V2__add_email.sql")));
            assertTrue(repo.git().status().call().getUntracked().contains("db/migration/V4__wip.sql"));
            assertEquals("refs/heads/main", repo.git().getRepository().getFullBranch());
        }
    }

    @Test
    void cosmeticEditOfAReleasedMigrationIsToldFromASemanticOne() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            repo.write("db/migration/V1__create_users.sql", "-- Copyright 2024 ACME, licensed under Apache-2.0\n"
                    + V1.replace("  ", "    ")).write("db/migration/V4__add_phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                    .commit("licence headers");
            repo.tag("v1.3");
            CliRun cosmetic = run(repo, "can-rollback", "v1.3", "v1.2");
            JsonNode hs401 = only(cosmetic.json(), "HS401");
            assertEquals("db/migration/V1__create_users.sql", hs401.get("file").asText());
            String message = hs401.get("message").asText();
            assertTrue(message.contains("cosmetic edit"), message);
            // Flyway's own checksums, as flyway_schema_history.checksum holds them
            assertTrue(message.matches(".*Flyway checksum -?\\d+, now -?\\d+.*"), message);

            repo.write("db/migration/V1__create_users.sql", V1.replace("name text NOT NULL", "name varchar(100) NOT NULL"))
                    .commit("semantic edit");
            repo.tag("v1.4");
            CliRun semantic = run(repo, "can-rollback", "v1.4", "v1.2");
            JsonNode semanticFinding = only(semantic.json(), "HS401");
            String semanticMessage = semanticFinding.get("message").asText();
            assertTrue(semanticMessage.contains("semantic edit"), semanticMessage);
            assertEquals("error", semanticFinding.get("severity").asText());
        }
    }

    @Test
    void removedAndRenamedReleasedMigrations() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            repo.move("db/migration/V2__add_email.sql", "db/migration/V2__add_user_email.sql")
                    .delete("db/migration/V3__drop_name.sql")
                    .write("db/migration/V5__x.sql", "CREATE TABLE t (id int);\n").commit("rework history");
            repo.tag("v2.0");
            CliRun run = run(repo, "can-rollback", "v2.0", "v1.2");
            List<JsonNode> hs401 = findings(run.json(), "HS401");
            assertEquals(2, hs401.size(), run::toString);
            assertTrue(hs401.stream().anyMatch(f -> f.get("message").asText().contains("renamed")
                    && f.get("file").asText().equals("db/migration/V2__add_user_email.sql")), run::toString);
            assertTrue(hs401.stream().anyMatch(f -> f.get("message").asText().contains("gone from the newer release")
                    && f.get("file").asText().equals("db/migration/V3__drop_name.sql")), run::toString);
        }
    }

    @Test
    void migrationsFolderMovedBetweenReleases() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            for (String f : List.of("V1__create_users.sql", "V2__add_email.sql", "V3__drop_name.sql")) {
                repo.move("db/migration/" + f, "src/main/resources/db/migration/" + f);
            }
            repo.write("src/main/resources/db/migration/V4__add_phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n")
                    .commit("maven layout");
            repo.tag("v1.3");
            CliRun run = run(repo, "can-rollback", "v1.3", "v1.2");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of("4"), ids(run.json(), "new"));
            assertEquals(List.of(), findings(run.json(), "HS401"), "a moved folder is not an edited history");
        }
    }

    @Test
    void migsafeYamlAtEachRefNamesTheFolder() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("cfg"))) {
            repo.write("sql/schema/V1__a.sql", V1).write("migsafe.yaml", "migrations:\n  - path: sql/schema\n").commit("1");
            repo.tag("r1");
            repo.move("sql/schema/V1__a.sql", "database/V1__a.sql").write("database/V2__b.sql", V3)
                    .write("migsafe.yaml", "migrations:\n  - path: database\n    format: flyway\n").commit("2");
            repo.tag("r2");
            CliRun run = run(repo, "can-rollback", "r2", "r1");
            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("database/V2__b.sql", only(run.json(), "BC104").get("file").asText());
        }
    }

    @Test
    void releasesMapWinsOverGitRefs() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            // a releases: entry named like a tag: the map decides (v1.2 -> "1" here, on purpose)
            repo.write("migsafe.yaml", "releases:\n  v1.0: \"1\"\n  v1.2: \"2\"\n").commit("releases");
            CliRun run = run(repo, "can-rollback", "v1.2", "v1.0");
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of("2"), ids(run.json(), "new"));
        }
    }

    @Test
    void unknownRefIsBadInput() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            CliRun run = run(repo, "can-rollback", "v9.9", "v1.0");
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("'v9.9' is not a git tag, branch or commit"), run.err());
            assertTrue(run.err().contains("git tag --list"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void shallowCloneMissingTheTagSaysHowToFetchIt() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            Path clone = repo.shallowClone(dir.resolve("ci-checkout"), 1);
            assertTrue(Files.exists(clone.resolve(".git/shallow")));
            CliRun run = CliRun.of("can-rollback", "--verify", "none", "HEAD", "v1.1", "--project", clone.toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("shallow clone") && run.err().contains("git fetch --unshallow --tags"),
                    run.err());
        }
    }

    @Test
    void refWithoutMigrationsIsBadInput() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("late"))) {
            repo.write("README.md", "no database yet\n").commit("start");
            repo.tag("v0.1");
            repo.write("db/migration/V1__create_users.sql", V1).commit("db");
            repo.tag("v0.2");
            CliRun run = run(repo, "can-rollback", "v0.2", "v0.1");
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("the project at v0.1: no migrations folder found"), run.err());
        }
    }

    @Test
    void analyzeBaseChecksOnlyWhatTheBranchAdds() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            // a pull request on top of v1.2: one new migration, uncommitted, plus a cosmetic edit of a released one
            repo.write("db/migration/V4__rename_email.sql", "ALTER TABLE users RENAME COLUMN email TO mail;\n");
            CliRun run = run(repo, "analyze", "--base", "v1.2");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode report = run.json();
            assertEquals("db/migration/V4__rename_email.sql", only(report, "BC102").get("file").asText());
            for (JsonNode f : report.get("findings")) {
                assertEquals("db/migration/V4__rename_email.sql", f.get("file").asText(),
                        "findings only for the new migration: " + f);
            }
            assertEquals(List.of("4"), ids(report, "new"));

            // the schema still comes from the whole history: the rename is of a column V2 created
            assertEquals("users.email", only(report, "BC102").get("object").asText());
        }
    }

    @Test
    void analyzeBaseWithNothingNewIsClean() throws Exception {
        try (TestRepo repo = flywayHistory()) {
            RevCommit head = repo.commit("nothing");
            CliRun run = run(repo, "analyze", "--base", head.getName());
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(0, run.json().get("findings").size(), run::toString);
        }
    }

    static List<String> ids(JsonNode report, String status) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : report.get("migrations")) {
            if (m.get("status").asText().equals(status)) {
                ids.add(m.get("id").asText());
            }
        }
        return ids;
    }

    static List<JsonNode> findings(JsonNode report, String ruleId) {
        List<JsonNode> out = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(ruleId)) {
                out.add(f);
            }
        });
        return out;
    }

    static JsonNode only(JsonNode report, String ruleId) {
        List<JsonNode> found = findings(report, ruleId);
        assertEquals(1, found.size(), ruleId + " in " + report.toPrettyString());
        return found.get(0);
    }
}
