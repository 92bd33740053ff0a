package dev.migsafe.cli;

import java.io.PrintWriter;

import dev.migsafe.BadInputException;
import dev.migsafe.report.Printable;
import dev.migsafe.report.ReportBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code migsafe} command line. Exit codes: 0 GO, 1 NO_GO, 2 bad input or usage, 3 verification unavailable. */
@Command(name = "migsafe", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Database migration safety: can we still roll back, and how?",
        subcommands = {AnalyzeCommand.class, CanRollbackCommand.class, VerifyCommand.class, PlanCommand.class,
                BaselineCommand.class, RulesCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given streams; returns the exit code. Used by main and by tests. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        silenceLibraryLogging();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("migsafe: " + Printable.escape(ex.getMessage()));
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err));
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError e) {
            // statements are guarded one by one; this is the last line of defence for anything else
            err.println("migsafe: the input is nested too deeply to analyse (stack exhausted); simplify it or give the JVM"
                    + " a larger stack, e.g. MIGSAFE_JAVA_OPTS=-Xss16m ./migsafe ...");
            code = ExitCode.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("migsafe: out of memory; give the JVM more heap, e.g. MIGSAFE_JAVA_OPTS=-Xmx2g ./migsafe ...");
            code = ExitCode.BAD_INPUT;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Only migsafe's own lines reach stderr: libraries that log through java.util.logging (SnakeYAML's
     * duplicate-key warnings, Liquibase) would print timestamped lines between them.
     */
    private static void silenceLibraryLogging() {
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    }

    private static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof BadInputException) {
            err.println("migsafe: " + Printable.escape(ex.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof java.io.UncheckedIOException io) {
            // a file we could not read or write (a read-only or full output directory, say): the user's to fix
            err.println("migsafe: " + Printable.escape(ioProblem(io.getCause())));
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof ExitException e) {
            err.println("migsafe: " + Printable.escape(e.getMessage()));
            return e.code();
        }
        // A bug of ours, not the user's: say so plainly, and keep the trace available for reports.
        err.println("migsafe: internal error: " + Printable.escape(String.valueOf(ex)) + " (please report it; set MIGSAFE_DEBUG=1 for the stack trace)");
        if (System.getenv("MIGSAFE_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return ExitCode.BAD_INPUT;
    }

    private static String ioProblem(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : e.getClass().getSimpleName();
            return fs.getFile() + ": " + reason + "; check the path and its permissions (e.g. --output)";
        }
        return "input/output error: " + e.getMessage() + "; check the paths and free disk space";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"migsafe " + ReportBuilder.TOOL_VERSION};
        }
    }
}
