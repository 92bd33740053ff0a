package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * {@code migsafe completion bash|zsh} and the man pages the package makes (pom.xml runs the same
 * picocli generators): every command and every option is in them.
 */
class ShellCompletionTest {

    @Test
    void bashScriptCompletesEveryCommandAndOption() {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.exitCode(), run::toString);
        String script = run.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 40));
        for (CommandSpec command : commands()) {
            assertTrue(script.contains(functionName(command)), "no completion function for " + command.qualifiedName());
            for (OptionSpec option : command.options()) {
                for (String name : option.names()) {
                    assertTrue(script.contains("'" + name + "'"), command.qualifiedName() + " " + name);
                }
            }
        }
    }

    @Test
    void bashReallyCompletes(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("migsafe_completion"), CliRun.of("completion", "bash").out());
        assertEquals("can-rollback", complete(script, "migsafe", "ca"));
        assertEquals("--format", complete(script, "migsafe", "analyze", "--fo"));
    }

    /** What bash offers for the last word, as when TAB is pressed after it. */
    private static String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        Process p = new ProcessBuilder("bash", "-c", "source \"$0\" 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; _complete_migsafe 2>/dev/null; echo \"${COMPREPLY[*]}\"",
                script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void zshGetsTheScriptThroughBashcompinit() {
        CliRun run = CliRun.of("completion", "zsh");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(CliRun.of("completion", "bash").out(), run.out());
        assertTrue(run.out().contains("autoload -U +X bashcompinit && bashcompinit"), "zsh loads bash compatibility");
    }

    @Test
    void unknownShellIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("migsafe: Invalid value for positional parameter at index 0 (SHELL): "
                + "expected one of [bash, zsh]"), run.err());
    }

    @Test
    void manPagesDescribeEveryCommandAndOption(@TempDir Path dir) throws IOException {
        // the arguments of the man-page-sources execution in pom.xml
        ManPageGenerator.main(new String[]{"--outdir=" + dir, Main.class.getName()});
        for (CommandSpec command : commands()) {
            Path page = dir.resolve(command.qualifiedName("-") + ".adoc");
            assertTrue(Files.exists(page), "no man page for " + command.qualifiedName());
            String text = Files.readString(page);
            for (OptionSpec option : command.options()) {
                assertTrue(text.contains("*" + option.longestName() + "*"), command.qualifiedName() + " "
                        + option.longestName());
            }
        }
    }

    private static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(new CommandLine(new Main()).getCommandSpec(), all);
        assertTrue(all.stream().anyMatch(c -> c.name().equals("completion")));
        return all;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> into) {
        into.add(spec);
        spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct().forEach(s -> collect(s, into));
    }

    /** picocli names a command's completion function after its path: _picocli_migsafe_canrollback. */
    private static String functionName(CommandSpec command) {
        return "_picocli_" + command.qualifiedName("_").replace("-", "");
    }
}
