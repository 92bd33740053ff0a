package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one line naming the file (and line) and what to do, exit code 2, no stack trace,
 * and nothing written to the output directory.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private CliRun analyzeInto(Path dir) {
        return CliRun.of("analyze", dir.toString(), "--project", tmp.toString(), "--format", "json",
                "--output", tmp.resolve("reports").toString());
    }

    private void assertBadInput(CliRun run, String... mustMention) {
        assertEquals(2, run.exitCode(), run::toString);
        String msg = run.err().strip();
        assertEquals(1, msg.lines().count(), "one line: " + run);
        assertTrue(msg.startsWith("migsafe: "), run::toString);
        for (String s : mustMention) {
            assertTrue(msg.contains(s), "message should mention '" + s + "': " + msg);
        }
        assertFalse(msg.contains("Exception"), "no exception names: " + msg);
        assertFalse(msg.contains("\tat "), "no stack trace: " + msg);
        assertFalse(Files.exists(tmp.resolve("reports")), "nothing written to the output directory");
    }

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE t (id int);\n");
        return dir;
    }

    @Test
    void missingDirectory() {
        assertBadInput(analyzeInto(tmp.resolve("nope")), "nope");
    }

    @Test
    void missingFile() {
        assertBadInput(CliRun.of("analyze", tmp.resolve("V9__gone.sql").toString(), "--output",
                tmp.resolve("reports").toString()), "V9__gone.sql");
    }

    @Test
    void unknownRelease() {
        CliRun run = CliRun.of("can-rollback", "--verify", "none", "v9.9.9", "v1.2.9", "--project", "sample-migrations/shop",
                "--output", tmp.resolve("reports").toString());
        assertBadInput(run, "v9.9.9", "v1.2.9", "v1.3.0");
    }

    @Test
    void swappedReleases() {
        assertBadInput(CliRun.of("can-rollback", "--verify", "none", "v1.2.9", "v1.3.0", "--project", "sample-migrations/shop",
                "--output", tmp.resolve("reports").toString()), "can-rollback v1.3.0 v1.2.9");
    }

    @Test
    void binaryFile() throws IOException {
        Path dir = migrations();
        Files.write(dir.resolve("V2__blob.sql"), new byte[]{'S', 'E', 'L', 0, 0, 1, 2, 3});
        assertBadInput(analyzeInto(dir), "V2__blob.sql");
    }

    @Test
    void notUtf8() throws IOException {
        Path dir = migrations();
        Files.write(dir.resolve("V2__latin1.sql"), "-- ok\nINSERT INTO t VALUES ('caf\u00e9');\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertBadInput(analyzeInto(dir), "V2__latin1.sql", ":2", "UTF-8");
    }

    @Test
    void fileOverTheSizeLimit() throws IOException {
        Path dir = migrations();
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("V2__huge.sql").toFile(), "rw")) {
            f.setLength(300L * 1024 * 1024); // sparse: over the 256 MB limit
        }
        assertBadInput(analyzeInto(dir), "V2__huge.sql");
    }

    @Test
    void unterminatedDollarQuote() throws IOException {
        Path dir = migrations();
        Files.writeString(dir.resolve("V2__fn.sql"),
                "-- a function\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n");
        assertBadInput(analyzeInto(dir), "V2__fn.sql:2", "$body$");
    }

    @Test
    void unknownDialectAndFormat() {
        assertBadInput(CliRun.of("analyze", "sample-migrations/shop/db/migration", "--dialect", "oracle",
                "--output", tmp.resolve("reports").toString()), "oracle");
        assertBadInput(CliRun.of("analyze", "sample-migrations/shop/db/migration", "--format", "pdf",
                "--output", tmp.resolve("reports").toString()), "pdf");
    }

    @Test
    void unknownRule() {
        CliRun run = CliRun.of("rules", "XX999");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("XX999"));
    }

    @Test
    void badConfig() throws IOException {
        Path dir = migrations();
        Files.writeString(tmp.resolve("migsafe.yaml"), "dialect: postgresql\nrelaeses:\n  v1: \"1\"\n");
        assertBadInput(CliRun.of("analyze", dir.toString(), "--project", tmp.toString(), "--output",
                tmp.resolve("reports").toString()), "migsafe.yaml:2", "relaeses");
    }

    @Test
    void usageErrorIsExitTwo() {
        CliRun run = CliRun.of("can-rollback", "--no-such-option");
        assertEquals(2, run.exitCode(), run::toString);
    }
}
