package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are written all or none, under the user's names, readable like any build output. */
class ReportFilesCliTest {

    @TempDir
    Path tmp;

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        return dir;
    }

    private CliRun analyzeInto(Path out) throws IOException {
        return CliRun.of("analyze", migrations().toString(), "--format", "json", "--format", "markdown",
                "--format", "sarif", "--output", out.toString());
    }

    @Test
    void whenOneReportCannotBeWrittenNoneIsAndTheLastRunsAreKept() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("reports"));
        Files.writeString(out.resolve("migsafe-report.json"), "last run");
        Files.createDirectories(out.resolve("migsafe-report.md")); // in the way

        CliRun run = analyzeInto(out);

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().contains(out.resolve("migsafe-report.md").toString()), "names the user's path: " + run);
        assertTrue(run.err().contains("a directory is in the way"), run::toString);
        try (var files = Files.list(out)) {
            assertEquals(Set.of("migsafe-report.json", "migsafe-report.md"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()), "nothing new, no temp file");
        }
        assertEquals("last run", Files.readString(out.resolve("migsafe-report.json")));
    }

    @Test
    void reportsAreReadableByOthersLikeAnyBuildOutput() throws IOException {
        Path out = tmp.resolve("reports");

        CliRun run = analyzeInto(out);

        assertEquals(0, run.exitCode(), run::toString);
        for (String name : List.of("migsafe-report.json", "migsafe-report.md", "migsafe-report.sarif")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(out.resolve(name));
            assertTrue(perms.contains(PosixFilePermission.OTHERS_READ) && perms.contains(PosixFilePermission.GROUP_READ),
                    name + " is " + perms);
        }
    }
}
