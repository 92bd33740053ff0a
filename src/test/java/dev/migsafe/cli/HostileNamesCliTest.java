package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from a pull request (file names, quoted identifiers) can hold line breaks and terminal
 * controls; printed as they are, a line break followed by {@code ::error ...} is a command GitHub
 * Actions executes. Every report and message shows them escaped.
 */
class HostileNamesCliTest {
    private static final String INJECTED = "\n::error file=x::pwned\u001b[2J";

    @TempDir
    Path tmp;

    @AfterEach
    void restoreEnvironment() {
        Console.environment = System::getenv;
    }

    private Path migrations() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int, \"b" + INJECTED + "\" text);\n");
        Files.writeString(dir.resolve("V2__x" + INJECTED + ".sql"), "ALTER TABLE t DROP COLUMN \"b" + INJECTED + "\";\n");
        return dir;
    }

    @Test
    void theTextReportAndAnnotationsNeverStartAWorkflowCommandFromAName() throws IOException {
        Console.environment = Map.of("GITHUB_ACTIONS", "true")::get;

        CliRun run = CliRun.of("analyze", migrations().toString(), "--format", "text", "--fail-on", "never");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> commands = run.out().lines().filter(l -> l.startsWith("::")).toList();
        assertFalse(commands.isEmpty(), "the real annotations are printed: " + run);
        for (String command : commands) {
            assertTrue(command.matches("::(error|warning|notice) file=[^:]*,line=\\d+,title=[A-Z]{2}\\d{3} [a-z-]+::.*"),
                    "only migsafe's own annotations: " + command);
        }
        assertTrue(run.out().contains("V2__x\\n::error file=x::pwned\\u001b[2J.sql"), run::toString);
        assertFalse(run.toString().contains("\u001b[2J"), "no terminal control reaches the output: " + run);
    }

    @Test
    void everyFileFormatShowsTheNameEscaped() throws IOException {
        Path out = tmp.resolve("reports");
        CliRun run = CliRun.of("analyze", migrations().toString(), "--format", "markdown", "--format", "junit",
                "--format", "html", "--format", "json", "--output", out.toString(), "--fail-on", "never");

        assertEquals(0, run.exitCode(), run::toString);
        try (var files = Files.list(out)) {
            for (Path report : files.toList()) {
                String text = Files.readString(report);
                assertFalse(text.contains("pwned\u001b"), report + " holds the raw control character");
                assertFalse(text.lines().anyMatch(l -> l.startsWith("::")), report + " holds a workflow command");
            }
        }
    }
}
