package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit 3 (DESIGN.md): the verification environment asked for explicitly cannot be had. The run stops
 * with one line saying why, no stack trace and no report: a report without the verification asked
 * for would pass for a verified one.
 */
class VerificationUnavailableCliTest {

    @TempDir
    Path tmp;

    private CliRun canRollbackMysql(String verify) throws IOException {
        Path older = Files.createDirectories(tmp.resolve("old"));
        Path newer = Files.createDirectories(tmp.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE t (id int, a text);\n");
        Files.copy(older.resolve("V1__t.sql"), newer.resolve("V1__t.sql"));
        Files.writeString(newer.resolve("V2__add.sql"), "ALTER TABLE t ADD COLUMN b text;\n");
        return CliRun.of("can-rollback", "new", "old", "--from-dir", newer.toString(), "--to-dir", older.toString(),
                "--dialect", "mysql", "--verify", verify, "--format", "json", "--output", tmp.resolve("reports").toString());
    }

    @Test
    void embeddedPostgresCannotVerifyMysql() throws IOException {
        CliRun run = canRollbackMysql("embedded");

        assertEquals(ExitCode.VERIFICATION_UNAVAILABLE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("embedded verification runs PostgreSQL only"), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
        assertFalse(Files.exists(tmp.resolve("reports/migsafe-report.json")), "no report without the verification asked for");
    }

    @Test
    void withoutVerificationTheSameRangeIsAnalyzed() throws IOException {
        // the same input with --verify none is a GO: exit 3 above comes from the verification alone
        assertEquals(ExitCode.GO, canRollbackMysql("none").exitCode());
    }
}
