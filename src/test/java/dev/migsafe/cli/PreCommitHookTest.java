package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The pre-commit hook of .pre-commit-hooks.yaml, run by a real {@code git commit}. pre-commit itself is
 * not installed here, so the hook's entry script is installed as git's own pre-commit hook, which it
 * also supports (it then takes the staged files from git, as pre-commit would pass them).
 */
class PreCommitHookTest {
    private static final Path HOOKS = ScriptRun.REPO.resolve(".pre-commit-hooks.yaml");

    @TempDir
    Path repo;
    private Map<String, String> env;

    @BeforeEach
    void repository(@TempDir Path tools) throws Exception {
        env = Map.of("MIGSAFE", ScriptRun.migsafeLauncher(tools).toString());
        ScriptRun.ok(repo, "git", "init", "-q", "-b", "main");
        Files.createDirectories(repo.resolve("db/migration"));
        Files.writeString(repo.resolve("db/migration/V1__customers.sql"),
                "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n");
        ScriptRun.ok(repo, "git", "add", ".");
        ScriptRun.ok(repo, "git", "commit", "-q", "-m", "v1");
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.writeString(hook, "#!/bin/sh\nexec '" + ScriptRun.REPO.resolve(entry()) + "'\n");
        hook.toFile().setExecutable(true);
    }

    @Test
    void commitOfABreakingMigrationIsRefused() throws Exception {
        Files.writeString(repo.resolve("db/migration/V2__rename.sql"),
                "ALTER TABLE customers RENAME COLUMN name TO full_name;\n");
        ScriptRun.ok(repo, "git", "add", ".");
        ScriptRun commit = commit();
        assertNotEquals(0, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("BC102"), commit.output());
        assertEquals("v1\n", ScriptRun.ok(repo, "git", "log", "--format=%s"), "nothing committed");
    }

    @Test
    void commitOfASafeMigrationPasses() throws Exception {
        Files.writeString(repo.resolve("db/migration/V2__phone.sql"), "ALTER TABLE customers ADD COLUMN phone text;\n");
        ScriptRun.ok(repo, "git", "add", ".");
        ScriptRun commit = commit();
        assertEquals(0, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("V2__phone.sql"), "migsafe ran on the staged file: " + commit.output());
    }

    @Test
    void commitWithoutMigrationsDoesNotRunMigsafe() throws Exception {
        Files.writeString(repo.resolve("db/migration/V2__rename.sql"),
                "ALTER TABLE customers RENAME COLUMN name TO full_name;\n"); // not staged
        Files.writeString(repo.resolve("README.md"), "notes\n");
        ScriptRun.ok(repo, "git", "add", "README.md");
        ScriptRun commit = commit();
        assertEquals(0, commit.exitCode(), commit.output());
        assertFalse(commit.output().contains("migsafe"), commit.output());
    }

    @Test
    void optionsAndFilesAsPreCommitPassesThem() throws Exception {
        // pre-commit runs `entry args... files...`: --fail-on=never lets the breaking rename through
        Files.writeString(repo.resolve("db/migration/V2__rename.sql"),
                "ALTER TABLE customers RENAME COLUMN name TO full_name;\n");
        ScriptRun run = ScriptRun.run(repo, env, List.of(ScriptRun.REPO.resolve(entry()).toString(), "--fail-on=never",
                "db/migration/V2__rename.sql"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("BC102"), run.output());
    }

    @Test
    void hookDefinitionIsWhatPreCommitNeeds() throws Exception {
        JsonNode hook = hook();
        assertEquals("migsafe", hook.get("id").asText());
        assertEquals("script", hook.get("language").asText());
        assertTrue(Files.isExecutable(ScriptRun.REPO.resolve(entry())), "entry is an executable of this repository");
        Pattern files = Pattern.compile(hook.get("files").asText());
        for (String path : List.of("db/migration/V2__x.sql", "src/main/resources/db/migration/V1_1__a.sql",
                "migrations/000002_x.up.sql", "src/main/resources/db/changelog/db.changelog-master.yaml")) {
            assertTrue(files.matcher(path).find(), path);
        }
        for (String path : List.of("README.md", "src/main/java/App.java", "docker-compose.yml")) {
            assertFalse(files.matcher(path).find(), path);
        }
        String script = Files.readString(ScriptRun.REPO.resolve(entry()));
        assertTrue(script.contains("migrations='" + hook.get("files").asText() + "'"), "the script's own pattern is the hook's");
    }

    private ScriptRun commit() throws Exception {
        return ScriptRun.run(repo, env, List.of("git", "commit", "-m", "v2"));
    }

    private static String entry() throws Exception {
        return hook().get("entry").asText();
    }

    private static JsonNode hook() throws Exception {
        JsonNode hooks = new ObjectMapper(new YAMLFactory()).readTree(HOOKS.toFile());
        assertEquals(1, hooks.size());
        return hooks.get(0);
    }
}
