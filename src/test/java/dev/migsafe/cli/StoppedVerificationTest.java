package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migsafe stopped in the middle of a verification (Ctrl-C, a cancelled CI job) leaves nothing
 * behind: the scratch database server is stopped and the older release's test command is killed.
 * Runs migsafe in its own JVM and stops it with SIGTERM, which runs the same shutdown hooks as
 * Ctrl-C's SIGINT.
 */
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
