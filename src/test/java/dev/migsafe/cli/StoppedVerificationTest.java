package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.test.UsesDatabase;

/**
 * migsafe stopped in the middle of a verification (Ctrl-C, a cancelled CI job) leaves nothing
 * behind: the scratch database server is stopped and the older release's test command is killed.
 * Runs migsafe in its own JVM and stops it with SIGTERM, which runs the same shutdown hooks as
 * Ctrl-C's SIGINT.
 */
@UsesDatabase
class StoppedVerificationTest {

    @Test
    void stoppingMigsafeStopsTheDatabaseAndTheOlderReleaseTests(@TempDir Path tmp) throws Exception {
        Path url = tmp.resolve("url.txt");
        Path pid = tmp.resolve("pid.txt");
        // the "test suite" notes where it is and then hangs, as a stuck suite would
        String oldTests = "echo \"$MIGSAFE_JDBC_URL\" > " + tmp.resolve("url.part") + "; echo $$ > " + pid
                + "; mv " + tmp.resolve("url.part") + " " + url + "; exec sleep 300";
        Process migsafe = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "can-rollback", "v1.3.0", "v1.2.9", "--project", VerifiedSampleTest.SHOP, "--verify", "embedded",
                "--old-tests", oldTests)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("migsafe.log").toFile()).start();
        try {
            assertTrue(waitFor(url, 120), "the older-release tests never started: " + log(tmp));
            String jdbcUrl = Files.readString(url).strip();
            long testsPid = Long.parseLong(Files.readString(pid).strip());
            DriverManager.getConnection(jdbcUrl, "postgres", "").close(); // the server is up

            migsafe.destroy(); // SIGTERM
            assertTrue(migsafe.waitFor(60, TimeUnit.SECONDS), "migsafe did not stop");

            assertTrue(gone(testsPid, 10), () -> "the older-release test command still runs: " + log(tmp));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(jdbcUrl, "postgres", "").close(),
                    "the embedded server still answers");
        } finally {
            migsafe.destroyForcibly();
        }
    }

    /** A migsafe JVM whose temp folder (and so its run ledger) is {@code tmp/t}, logging to {@code log}. */
    private static Process migsafe(Path tmp, String log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("t")), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve(log).toFile()).start();
    }

    @Test
    void aKilledRunsServerIsRemovedByTheNextRun(@TempDir Path tmp) throws Exception {
        Path url = tmp.resolve("url.txt");
        String oldTests = "echo \"$MIGSAFE_JDBC_URL\" > " + tmp.resolve("url.part") + "; mv " + tmp.resolve("url.part")
                + " " + url + "; exec sleep 300";
        Process first = migsafe(tmp, "first.log", "can-rollback", "v1.3.0", "v1.2.9", "--project", VerifiedSampleTest.SHOP,
                "--verify", "embedded", "--old-tests", oldTests);
        String jdbcUrl;
        try {
            assertTrue(waitFor(url, 120), "the older-release tests never started");
            jdbcUrl = Files.readString(url).strip();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        DriverManager.getConnection(jdbcUrl, "postgres", "").close(); // left running, as a CI timeout leaves it

        Process next = migsafe(tmp, "next.log", "verify", "v1.3.0", "v1.2.9", "--project", VerifiedSampleTest.SHOP,
                "--verify", "embedded");
        assertTrue(next.waitFor(120, TimeUnit.SECONDS), "the next run did not finish");

        String log = Files.readString(tmp.resolve("next.log"));
        assertTrue(log.contains("removed what an earlier run"), log);
        assertThrows(SQLException.class, () -> DriverManager.getConnection(jdbcUrl, "postgres", "").close(),
                "the killed run's server still answers");
        assertTrue(ledgerIsEmpty(tmp), "nothing is left in the ledger: " + listing(tmp));
    }

    @Test
    void stoppingMigsafeWhileTheServerStartsLeavesNoDataDirectory(@TempDir Path tmp) throws Exception {
        Process run = migsafe(tmp, "run.log", "verify", "v1.3.0", "v1.2.9", "--project", VerifiedSampleTest.SHOP,
                "--verify", "embedded");
        try {
            // the data directory appears while initdb runs, well before the server answers
            assertTrue(waitForDataDirectory(tmp, 60), "no data directory appeared: " + listing(tmp));
            run.destroy(); // SIGTERM, as Ctrl-C
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "migsafe did not stop");
        } finally {
            run.destroyForcibly();
        }
        assertTrue(ledgerIsEmpty(tmp), "left behind: " + listing(tmp));
        try (var all = Files.list(tmp.resolve("t"))) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith("epg")), listing(tmp));
        }
    }

    @Test
    void stoppingMigsafeDuringALockWaitLeavesNothing(@TempDir Path tmp) throws Exception {
        // the older release's script leaves a transaction open on the applier's session, holding a lock
        // on t: seeding t waits for it (30 s before the watchdog acts; Flyway's own lock, LK615, is
        // cancelled within 3 s and would not leave time to stop migsafe in the wait)
        Path old = Files.createDirectories(tmp.resolve("p/old"));
        Path neu = Files.createDirectories(tmp.resolve("p/new"));
        String lockingUp = "CREATE TABLE t (id int, v text);\nBEGIN;\nLOCK TABLE t IN ACCESS EXCLUSIVE MODE;\n";
        Files.writeString(old.resolve("0001_t.up.sql"), lockingUp);
        Files.writeString(neu.resolve("0001_t.up.sql"), lockingUp);
        Files.writeString(neu.resolve("0002_w.up.sql"), "ALTER TABLE t ADD COLUMN w int;\n");
        Files.writeString(tmp.resolve("p/migsafe.yaml"), "dialect: postgresql\n");
        Process run = migsafe(tmp, "run.log", "can-rollback", "--project", tmp.resolve("p").toString(),
                "--from-dir", neu.toString(), "--to-dir", old.toString(), "--verify", "embedded");
        long server;
        try {
            assertTrue(waitForLine(tmp.resolve("run.log"), "apply older release      passed", 120),
                    "the older release never applied: " + listing(tmp));
            Thread.sleep(3000); // seeding t waits for the lock now
            server = serverPid(tmp.resolve("t")); // the embedded server, which pg_ctl detached from migsafe
            assertTrue(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), "no server runs");
            run.destroy(); // SIGTERM, as Ctrl-C
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "migsafe did not stop");
        } finally {
            run.destroyForcibly();
        }
        assertTrue(gone(server, 10), "the server still runs");
        assertTrue(ledgerIsEmpty(tmp), "left behind: " + listing(tmp));
        try (var all = Files.list(tmp.resolve("t"))) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().startsWith("epg")), listing(tmp));
        }
    }

    /** The pid of the embedded server whose data directory is under {@code dir} (its postmaster.pid). */
    private static long serverPid(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            Path pidFile = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElseThrow(() -> new AssertionError("no postmaster.pid under " + dir));
            return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        }
    }

    private static boolean waitForLine(Path log, String text, int seconds) throws InterruptedException, IOException {
        for (int i = 0; i < seconds * 10; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean waitForDataDirectory(Path tmp, int seconds) throws InterruptedException, IOException {
        for (int i = 0; i < seconds * 20; i++) {
            Path runs = tmp.resolve("t").resolve("migsafe-runs");
            if (Files.isDirectory(runs)) {
                try (var all = Files.walk(runs, 2)) {
                    if (all.anyMatch(p -> p.getFileName().toString().startsWith("postgres-data"))) {
                        return true;
                    }
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean ledgerIsEmpty(Path tmp) throws IOException {
        Path runs = tmp.resolve("t").resolve("migsafe-runs");
        if (!Files.isDirectory(runs)) {
            return true;
        }
        try (var all = Files.list(runs)) {
            return all.findAny().isEmpty();
        }
    }

    private static String listing(Path tmp) {
        try (var all = Files.walk(tmp.resolve("t"), 3)) {
            return all.map(Path::toString).toList().toString();
        } catch (IOException e) {
            return "(none)";
        }
    }

    /** True once the process has ended (a zombie waiting for init to reap it counts as ended). */
    private static boolean gone(long pid, int seconds) throws InterruptedException, IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int i = 0; i < seconds * 10; i++) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return true;
            }
            if (Files.exists(stat)) {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean waitFor(Path file, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 10; i++) {
            if (Files.exists(file)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static String log(Path tmp) {
        try {
            return Files.readString(tmp.resolve("migsafe.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
