package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --server-version, its dialect-specific aliases --pg-version / --mysql-version and migsafe.yaml's
 * server-version / postgres-version reach the version-aware lock rules.
 */
class ServerVersionOptionTest {
    @TempDir
    Path project;

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id int);");
        Files.writeString(dir.resolve("V2__flag.sql"), "SET lock_timeout = '2s';\n"
                + "ALTER TABLE users ADD COLUMN active boolean DEFAULT true;");
        return dir;
    }

    @Test
    void constantDefaultRewritesOnlyBeforePostgres11() throws IOException {
        Path dir = migrations();
        CliRun modern = CliRun.of("analyze", dir.toString(), "--dialect", "postgresql", "--format", "json");
        assertEquals(List.of(), SampleCommandsTest.ruleIds(modern.json(), "locking"), modern::toString);
        CliRun old = CliRun.of("analyze", dir.toString(), "--dialect", "postgresql", "--pg-version", "10",
                "--format", "json");
        assertEquals(List.of("LK606"), SampleCommandsTest.ruleIds(old.json(), "locking"), old::toString);
    }

    @Test
    void versionFromMigsafeYaml() throws IOException {
        migrations();
        Files.writeString(project.resolve("migsafe.yaml"), "dialect: postgresql\npostgres-version: \"9.6\"\n");
        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");
        assertEquals(List.of("LK606"), SampleCommandsTest.ruleIds(run.json(), "locking"), run::toString);
    }

    @Test
    void serverVersionIsTheVersionOfTheDialectInUse() throws IOException {
        Path dir = migrations();
        CliRun old = CliRun.of("analyze", dir.toString(), "--dialect", "postgresql", "--server-version", "10",
                "--format", "json");
        assertEquals(List.of("LK606"), SampleCommandsTest.ruleIds(old.json(), "locking"), old::toString);
    }

    @Test
    void dialectSpecificOptionWinsOverServerVersion() throws IOException {
        Path dir = migrations();
        CliRun run = CliRun.of("analyze", dir.toString(), "--dialect", "postgresql", "--server-version", "10",
                "--pg-version", "16", "--format", "json");
        assertEquals(List.of(), SampleCommandsTest.ruleIds(run.json(), "locking"), run::toString);
    }

    @Test
    void serverVersionFromMigsafeYaml() throws IOException {
        migrations();
        Files.writeString(project.resolve("migsafe.yaml"), "dialect: postgresql\nserver-version: \"9.6\"\n");
        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");
        assertEquals(List.of("LK606"), SampleCommandsTest.ruleIds(run.json(), "locking"), run::toString);
    }

    @Test
    void badServerVersionIsAUserError() throws IOException {
        CliRun run = CliRun.of("analyze", migrations().toString(), "--server-version", "latest");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--server-version latest"), run::toString);
    }

    @Test
    void badVersionIsAUserError() throws IOException {
        CliRun run = CliRun.of("analyze", migrations().toString(), "--pg-version", "latest");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--pg-version latest"), run::toString);
    }
}
