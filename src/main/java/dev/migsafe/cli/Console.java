package dev.migsafe.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.report.Report;
import dev.migsafe.report.ReportFormat;
import dev.migsafe.report.ReportOutput;
import picocli.CommandLine.Model.CommandSpec;

/** Sends a finished report where the options say, with colour only on a real terminal. */
final class Console {
    static final Path DEFAULT_OUTPUT = Path.of("reports");

    private Console() {
    }

    static void deliver(CommandSpec spec, Report report, ReportOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        List<ReportFormat> formats = options.formats();
        List<Path> written = new ArrayList<>();
        if (options.output == null) {
            // the first format to the terminal; any further ones land in the default reports/ folder
            ReportOutput.deliver(report, formats.subList(0, 1), null, out, colour());
            if (formats.size() > 1) {
                written.addAll(ReportOutput.deliver(report, formats.subList(1, formats.size()), DEFAULT_OUTPUT, out, false));
            }
        } else {
            written.addAll(ReportOutput.deliver(report, formats, options.output, out, false));
        }
        if (!written.isEmpty()) {
            // beside a report on stdout, the note goes to stderr so that stdout stays one parseable document
            PrintWriter note = options.output == null ? spec.commandLine().getErr() : out;
            note.println(report.verdict() + ": " + report.summary().errors() + " error(s), "
                    + report.summary().warnings() + " warning(s); reports written:");
            written.forEach(p -> note.println("  " + p));
            note.flush();
        }
    }

    /** ANSI colour when stdout is a terminal and the user did not opt out (NO_COLOR, TERM=dumb). */
    static boolean colour() {
        return System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
