package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What would silently configure nothing, hang or mislead is refused: one line, exit 2. */
class ConfigRefusalsTest {

    @TempDir
    Path project;

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        return dir;
    }

    private static void assertRefused(CliRun run, String... mention) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        for (String m : mention) {
            assertTrue(run.err().contains(m), "should mention '" + m + "': " + run);
        }
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "soon", "-5m", "15", "99999999h"})
    void aVerifyTimeoutThatIsNotADurationIsRefused(String value) throws IOException {
        migrations();
        CliRun run = CliRun.of("can-rollback", "--project", project.toString(), "--from-dir", "db/migration",
                "--to-dir", "db/migration", "--verify-timeout", value);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().lines().findFirst().orElse("").startsWith("migsafe: Invalid value for option"
                + " '--verify-timeout': '" + value + "' is"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }

    @Test
    void aStatementWaitThatIsNotADurationIsNamedWithItsLine() throws IOException {
        migrations();
        Files.writeString(project.resolve("migsafe.yaml"), "dialect: postgresql\nverify:\n  statement-wait: forever\n");
        assertRefused(CliRun.of("analyze", "--project", project.toString()), "migsafe.yaml:3", "'forever' is not a duration");
    }

    @Test
    void anUnknownRuleIdIsNamedWithItsLine() throws IOException {
        migrations();
        Files.writeString(project.resolve("migsafe.yaml"), "dialect: postgresql\nrules:\n  BC102: {severity: warning}\n"
                + "  BC999: {severity: info}\n");

        assertRefused(CliRun.of("analyze", "--project", project.toString()), "migsafe.yaml:4", "no rule 'BC999'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "999", "12345678901234567890", "9.6.1.2.3"})
    void absurdServerVersionsAreRefusedInTheFileAndOnTheCommandLine(String version) throws IOException {
        migrations();
        Files.writeString(project.resolve("migsafe.yaml"), "dialect: postgresql\npostgres-version: \"" + version + "\"\n");
        assertRefused(CliRun.of("analyze", "--project", project.toString()), "migsafe.yaml:2", "server version");

        Files.delete(project.resolve("migsafe.yaml"));
        assertRefused(CliRun.of("analyze", "--project", project.toString(), "--pg-version", version), "--pg-version");
    }

    @Test
    void realVersionStringsAreAccepted() throws IOException {
        Path dir = migrations();
        for (String v : new String[] {"16", "9.6", "16.4 (Debian 16.4-1)", "12.17-1"}) {
            CliRun run = CliRun.of("analyze", dir.toString(), "--pg-version", v);
            assertEquals(0, run.exitCode(), run::toString);
        }
        CliRun maria = CliRun.of("analyze", dir.toString(), "--dialect", "mysql", "--mysql-version", "10.11.4-MariaDB-1:10.11.4");
        assertEquals(0, maria.exitCode(), maria::toString);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoOrADeviceAsConfigurationIsRefusedUnread() throws Exception {
        migrations();
        Path fifo = project.resolve("fifo.yaml");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

        assertRefused(CliRun.of("analyze", "--project", project.toString(), "--config", fifo.toString()),
                "not a regular file");
        assertRefused(CliRun.of("analyze", "--project", project.toString(), "--config", "/dev/zero"),
                "not a regular file");
    }

    @Test
    void libraryWarningsNeverReachStderr() throws IOException {
        Path changelog = Files.createDirectories(project.resolve("db/changelog"));
        Files.writeString(changelog.resolve("db.changelog-master.yaml"), "databaseChangeLog:\n  - changeSet:\n"
                + "      id: 1\n      id: 2\n      author: a\n      changes:\n        - createTable:\n"
                + "            tableName: t\n            columns:\n              - column: {name: id, type: int}\n");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        CliRun run;
        try {
            run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", captured.toString() + run.err(), "SnakeYAML's duplicate-key warning leaked");
    }
}
