package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.test.UsesDatabase;

/**
 * can-rollback with verification on embedded PostgreSQL never hangs: the concurrent index under
 * Flyway (its transactional lock blocks the index build) is reported as LK615 within
 * verify.statement-wait, and --verify-timeout stops a statement that runs too long and says where.
 */
@UsesDatabase
class VerificationLimitsCliTest {

    @TempDir
    Path project;

    private void release(String dir, String... nameAndText) throws IOException {
        Path d = Files.createDirectories(project.resolve(dir));
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.writeString(d.resolve(nameAndText[i]), nameAndText[i + 1]);
        }
    }

    private CliRun canRollback(String... extra) {
        String[] args = new String[8 + extra.length];
        System.arraycopy(new String[] {"can-rollback", "--project", project.toString(), "--from-dir", project.resolve("new").toString(), "--to-dir",
                project.resolve("old").toString(), "--verify=embedded"}, 0, args, 0, 8);
        System.arraycopy(extra, 0, args, 8, extra.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.of(args));
    }

    @Test
    void aConcurrentIndexUnderFlywaysTransactionalLockIsLk615InsteadOfAHang() throws IOException {
        release("old", "V1__t.sql", "CREATE TABLE t (id int, v text);\n");
        release("new", "V1__t.sql", "CREATE TABLE t (id int, v text);\n",
                "V2__idx.sql", "CREATE INDEX CONCURRENTLY t_v ON t (v);\n",
                "V2__idx.sql.conf", "executeInTransaction=false\n");
        Files.writeString(project.resolve("migsafe.yaml"), "dialect: postgresql\nverify:\n  statement-wait: 1s\n");

        CliRun run = canRollback();

        assertTrue(run.out().contains("LK615 migration-tool-deadlock"), run::toString);
        assertTrue(run.out().contains("postgresql.transactional.lock=false"), run::toString);
        assertTrue(run.out().contains("CREATE INDEX CONCURRENTLY t_v ON t (v)"), run::toString);
    }

    @Test
    void progressNamesTheSlowMigrationItsStatementAndTimeOnceEach() throws IOException {
        release("old", "V1__t.sql", "CREATE TABLE t (id int, v text);\n");
        release("new", "V1__t.sql", "CREATE TABLE t (id int, v text);\n",
                "V2__quick.sql", "ALTER TABLE t ADD COLUMN w int;\n",
                "V3__slow.sql", "-- takes a while\nSELECT pg_sleep(4);\nALTER TABLE t ADD COLUMN x int;\n");

        CliRun run = canRollback();

        // not a terminal: one line for the migration that runs long, none for the quick one
        List<String> progress = run.err().lines().filter(l -> l.contains("migration ")).toList();
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("verify [5] apply range: migration 2/2 ")
                && l.contains("V3__slow.sql") && l.contains("SELECT pg_sleep(4)") && l.matches(".*running \\d+\\.\\ds.*")),
                run::toString);
        assertTrue(progress.stream().noneMatch(l -> l.contains("V2__quick.sql")), run::toString);
        assertEquals(progress.size(), progress.stream().distinct().count(), run::toString);
    }

    @Test
    void theDeadlineNamesTheStepAndTheStatementItStoppedIn() throws IOException {
        release("old", "V1__t.sql", "CREATE TABLE t (id int, v text);\n");
        release("new", "V1__t.sql", "CREATE TABLE t (id int, v text);\n", "V2__slow.sql", "SELECT pg_sleep(300);\n");

        CliRun run = canRollback("--verify-timeout", "15s");

        assertTrue(run.out().contains("apply range"), run::toString);
        assertTrue(run.out().contains("the verification's deadline (--verify-timeout 15s) was reached in this step,"
                + " stopping `SELECT pg_sleep(300)`"), run::toString);
        assertTrue(run.out().contains("skipped: the verification's deadline (--verify-timeout 15s) was reached in step"
                + " 'apply range'"), run::toString);
    }
}
