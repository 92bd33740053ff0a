package dev.migsafe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migsafe.report.GitHubAnnotationWriter;
import dev.migsafe.report.OutputFormat;
import dev.migsafe.report.Printable;
import dev.migsafe.report.RenderOptions;
import dev.migsafe.report.Report;
import dev.migsafe.report.ReportFormat;
import dev.migsafe.report.ReportOutput;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Sends a finished report where the options say, with colour only on a real terminal.
 *
 * <p>Under GitHub Actions ({@code GITHUB_ACTIONS=true}) it also prints one workflow command per active
 * finding, which GitHub reads from stdout and shows on the file's line in the pull request. They come
 * after the report, and only when stdout carries the text report or no report at all (with
 * {@code --output}): appended to a JSON, SARIF, Markdown, HTML or JUnit document they would corrupt
 * it, so then a note on stderr says how to get both.
 */
final class Console {
    static final Path DEFAULT_OUTPUT = Path.of("reports");
    static final String RULES_URL_VARIABLE = "MIGSAFE_RULES_URL";

    /** Environment lookup; tests replace it to simulate a CI runner. */
    static UnaryOperator<String> environment = System::getenv;

    private Console() {
    }

    /**
     * @param pathPrefix the project directory relative to the working directory ("" when they are the
     *                   same), so that CI systems find the files the report names
     */
    static void deliver(CommandSpec spec, Report report, ReportOptions options, String pathPrefix) {
        List<ReportFormat> formats = options.formats();
        RenderOptions render = new RenderOptions(false, options.rulesUrl(environment.apply(RULES_URL_VARIABLE)),
                pathPrefix);
        deliver(spec, formats, options.output, (format, out, toStdout) ->
                        format.writer(render.withColor(toStdout && color())).write(report, out),
                report.verdict() + ": " + report.summary().errors() + " error(s), " + report.summary().warnings()
                        + " warning(s); reports written:");
        annotations(spec, report, options, formats, render);
    }

    /**
     * Sends a document in the formats asked for: without an output directory the first format to the
     * terminal and any further ones to the default reports/ folder, with one every format there.
     *
     * @param headline the line above the list of files written, e.g. the verdict
     */
    static <F extends OutputFormat> void deliver(CommandSpec spec, List<F> formats, Path output,
                                                 ReportOutput.Renderer<F> renderer, String headline) {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> written = new ArrayList<>();
        if (output == null) {
            ReportOutput.deliver(formats.subList(0, 1), null, out, renderer);
            if (formats.size() > 1) {
                written.addAll(ReportOutput.deliver(formats.subList(1, formats.size()), DEFAULT_OUTPUT, out, renderer));
            }
        } else {
            written.addAll(ReportOutput.deliver(formats, output, out, renderer));
        }
        if (!written.isEmpty()) {
            // beside a document on stdout, the note goes to stderr so that stdout stays one parseable document
            PrintWriter note = output == null ? spec.commandLine().getErr() : out;
            note.println(headline);
            written.forEach(p -> note.println("  " + Printable.escape(p.toString())));
            note.flush();
        }
    }

    private static void annotations(CommandSpec spec, Report report, ReportOptions options, List<ReportFormat> formats,
                                    RenderOptions render) {
        if (!"true".equals(environment.apply("GITHUB_ACTIONS"))) {
            return;
        }
        if (options.output == null && formats.get(0) != ReportFormat.TEXT) {
            if (report.findings().stream().anyMatch(Report.FindingEntry::isActive)) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("migsafe: GitHub annotations not printed: stdout carries the " + formats.get(0).id()
                        + " report; add --output DIR (or make text the first --format) to get both");
                err.flush();
            }
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            new GitHubAnnotationWriter(render).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** ANSI colour when stdout is a terminal and the user did not opt out (NO_COLOR, TERM=dumb). */
    static boolean color() {
        return System.console() != null && environment.apply("NO_COLOR") == null
                && !"dumb".equals(environment.apply("TERM"));
    }
}
