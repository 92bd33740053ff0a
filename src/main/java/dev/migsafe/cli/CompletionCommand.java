package dev.migsafe.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migsafe completion bash|zsh}: prints picocli's completion script for every command and option.
 * zsh runs the same script through its bash-completion compatibility ({@code bashcompinit}), which the
 * script loads itself when sourced from zsh.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for migsafe's commands and options.",
                "bash: source <(migsafe completion bash)   zsh: source <(migsafe completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(spec.root().commandLine()));
        out.flush();
        return ExitCode.GO;
    }

    static String script(picocli.CommandLine root) {
        return AutoComplete.bash(root.getCommandName(), root);
    }
}
