package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets the user gives on the command line never reach stdout, stderr or a report. */
class SecretsCliTest {

    @TempDir
    Path tmp;

    private CliRun canRollbackVerifiedOn(String target) throws IOException {
        Path older = Files.createDirectories(tmp.resolve("old"));
        Path newer = Files.createDirectories(tmp.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE t (id int, a text);\n");
        Files.copy(older.resolve("V1__t.sql"), newer.resolve("V1__t.sql"));
        Files.writeString(newer.resolve("V2__drop.sql"), "ALTER TABLE t DROP COLUMN a;\n");
        return CliRun.of("can-rollback", "new", "old", "--from-dir", newer.toString(), "--to-dir", older.toString(),
                "--verify", target, "--format", "json", "--output", tmp.resolve("reports").toString());
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsSecrets() throws IOException {
        CliRun run = canRollbackVerifiedOn("jdbc:postgresql://u:s3cretPW@127.0.0.1:1/db?sslpassword=s3cretSSL");

        assertEquals(ExitCode.VERIFICATION_UNAVAILABLE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("jdbc:postgresql://u:****@127.0.0.1:1/db?sslpassword=****"), run::toString);
        assertFalse(run.toString().contains("s3cret"), run::toString);
    }

    @Test
    void aMistypedTargetIsNamedWithoutItsPassword() throws IOException {
        CliRun run = canRollbackVerifiedOn("postgres://u:s3cretPW@db/app");

        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertFalse(run.toString().contains("s3cret"), run::toString);
    }
}
