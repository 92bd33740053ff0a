package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;

/**
 * The expand/contract example, end to end: a git repository with code and migrations, and
 * {@code can-rollback} judging the drop of a column by what the older release's code maps.
 */
class AppCodeCliTest {
    private static final String V1 = "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n";
    private static final String V2 = "ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = name;\n";
    private static final String V3 = "ALTER TABLE users DROP COLUMN name;\n";

    private static final String USER_MAPS_NAME = """
            package shop;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "users")
            public class User {
                @Id
                Long id;

                @Column(name = "name")
                String name;
            }
            """;

    private static final String USER_EXPANDED = """
            package shop;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "users")
            public class User {
                @Id
                Long id;

                @Column(name = "full_name")
                String fullName;
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void dropOfAColumnTheOlderCodeNoLongerMapsIsGoWithAWarning() {
        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("src/main/resources/db/migration/V1__init.sql", V1)
                    .write("src/main/java/shop/User.java", USER_MAPS_NAME).commit("v1");
            repo.write("src/main/resources/db/migration/V2__expand.sql", V2)
                    .write("src/main/java/shop/User.java", USER_EXPANDED).commit("expand");
            repo.tag("v2");
            repo.write("src/main/resources/db/migration/V3__contract.sql", V3).commit("contract");
            repo.tag("v3");

            CliRun run = rollback(repo, "v3", "v2");
            assertEquals(0, run.exitCode(), run::toString);
            JsonNode json = run.json();
            assertEquals("GO", json.get("verdict").asText());
            JsonNode bc104 = finding(json, "BC104");
            assertEquals("warning", bc104.get("severity").asText(), bc104::toString);
            assertTrue(bc104.get("message").asText().startsWith("no use of users.name in v2's 1 file: 1 entity, 0 SQL strings"),
                    bc104::toString);
            assertNull(bc104.get("usage"), "no use, no usage field: " + bc104);
            JsonNode app = json.get("app");
            assertEquals(1, app.get("files").asInt(), app::toString);
            assertEquals(1, app.get("entities").asInt(), app::toString);
            assertEquals(0, app.get("unresolved").asInt(), app::toString);

            // the runbook agrees: an app-only rollback is safe
            CliRun plan = CliRun.of("plan", "v3", "v2", "--project", repo.dir().toString());
            assertEquals(0, plan.exitCode(), plan::toString);

            // --app none: judged by the schema alone, as before
            CliRun schemaOnly = CliRun.of("can-rollback", "v3", "v2", "--project", repo.dir().toString(), "--verify", "none",
                    "--format", "json", "--app", "none");
            assertEquals(1, schemaOnly.exitCode(), schemaOnly::toString);
            assertEquals("error", finding(schemaOnly.json(), "BC104").get("severity").asText());
            assertNull(schemaOnly.json().get("app"));
        }
    }

    @Test
    void dropOfAColumnTheOlderCodeStillMapsIsNoGoWithTheEntityAsEvidence() {
        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("src/main/resources/db/migration/V1__init.sql", V1)
                    .write("src/main/java/shop/User.java", USER_MAPS_NAME).commit("v1");
            repo.tag("v1");
            repo.write("src/main/resources/db/migration/V2__drop.sql", V3)
                    .write("src/main/java/shop/User.java", USER_EXPANDED.replace("full_name", "id2")).commit("drop");
            repo.tag("v2");

            CliRun run = rollback(repo, "v2", "v1");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode bc104 = finding(run.json(), "BC104");
            assertEquals("error", bc104.get("severity").asText());
            assertTrue(bc104.get("message").asText().startsWith("v1 maps users.name: src/main/java/shop/User.java:11 "
                    + "@Column(name = \"name\") String name"), bc104::toString);
            JsonNode usage = bc104.get("usage").get(0);
            assertEquals("src/main/java/shop/User.java", usage.get("file").asText());
            assertEquals(11, usage.get("line").asInt());
            assertEquals("entity", usage.get("kind").asText());
        }
    }

    @Test
    void aNativeQueryOfTheOlderCodeKeepsTheDropAnError() {
        String repository = """
                package shop;

                import org.springframework.data.jpa.repository.Query;

                interface Users {
                    @Query(value = "SELECT u.id FROM users u WHERE u.name = ?1", nativeQuery = true)
                    Long byName(String name);
                }
                """;
        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("src/main/resources/db/migration/V1__init.sql", V1)
                    .write("src/main/java/shop/User.java", USER_EXPANDED)
                    .write("src/main/java/shop/Users.java", repository).commit("v1");
            repo.tag("v1");
            repo.write("src/main/resources/db/migration/V2__drop.sql", V3).commit("drop");
            repo.tag("v2");

            CliRun run = rollback(repo, "v2", "v1");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode bc104 = finding(run.json(), "BC104");
            assertEquals("error", bc104.get("severity").asText());
            JsonNode usage = bc104.get("usage").get(0);
            assertEquals("src/main/java/shop/Users.java", usage.get("file").asText());
            assertEquals(6, usage.get("line").asInt());
            assertEquals("native-query", usage.get("kind").asText());
            assertTrue(bc104.get("message").asText().startsWith("v1 queries users.name: src/main/java/shop/Users.java:6"),
                    bc104::toString);
        }
    }

    @Test
    void aMigrationsOnlyRepositoryIsJudgedByTheSchemaAsBefore() {
        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("db/migration/V1__init.sql", V1).write("db/migration/V2__expand.sql", V2).commit("v2");
            repo.tag("v2");
            repo.write("db/migration/V3__contract.sql", V3).commit("v3");
            repo.tag("v3");
            CliRun run = rollback(repo, "v3", "v2");
            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("error", finding(run.json(), "BC104").get("severity").asText());
            assertNull(run.json().get("app"));
            assertFalse(run.out().contains("code:"), run::toString);
        }
    }

    @Test
    void toAppDirJudgesDirectoriesAndALinkOutOfItLeavesTheSchemaVerdict(@TempDir Path outside) throws java.io.IOException {
        Path newer = write(tmp.resolve("new/V1__init.sql"), V1 + V2);
        write(tmp.resolve("new/V2__contract.sql"), V3);
        Path older = write(tmp.resolve("old/V1__init.sql"), V1 + V2).getParent();
        Path code = tmp.resolve("code");
        write(code.resolve("src/main/java/shop/User.java"), USER_EXPANDED);
        CliRun go = CliRun.of("can-rollback", "--from-dir", newer.getParent().toString(), "--to-dir", older.toString(),
                "--to-app-dir", code.toString(), "--verify", "none", "--format", "json");
        assertEquals(0, go.exitCode(), go::toString);
        assertEquals("warning", finding(go.json(), "BC104").get("severity").asText());

        java.nio.file.Files.writeString(outside.resolve("Secret.java"), "class Secret {}");
        java.nio.file.Files.createSymbolicLink(code.resolve("src/main/java/shop/Secret.java"), outside.resolve("Secret.java"));
        CliRun refused = CliRun.of("can-rollback", "--from-dir", newer.getParent().toString(), "--to-dir", older.toString(),
                "--to-app-dir", code.toString(), "--verify", "none", "--format", "json");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertEquals("error", finding(refused.json(), "BC104").get("severity").asText());
        assertTrue(refused.json().get("notes").toString().contains("did not read"), refused::toString);
        assertFalse(refused.out().contains("class Secret"), refused::toString);
    }

    private static Path write(Path file, String content) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            return java.nio.file.Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliRun rollback(TestRepo repo, String from, String to) {
        return CliRun.of("can-rollback", from, to, "--project", repo.dir().toString(), "--verify", "none", "--format", "json");
    }

    private static JsonNode finding(JsonNode json, String ruleId) {
        for (JsonNode f : json.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + json.get("findings"));
    }
}
