package dev.migsafe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.report.OutputFormat;
import dev.migsafe.report.RenderOptions;
import dev.migsafe.report.ReportFormat;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}, shared by every command that writes a report. */
final class ReportOptions {

    @Option(names = "--format", paramLabel = "F", split = ",",
            description = "Report format: text (default), json, sarif, markdown, html, junit, codequality (GitLab). Repeatable or "
                    + "comma-separated; without --output the first goes to stdout, the others to reports/.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Write every report format into DIR (e.g. reports/) instead of printing the first one.")
    Path output;

    @Option(names = "--rules-url", paramLabel = "URL",
            description = "Absolute URL of migsafe's rules/ folder, for rule links in SARIF, Markdown and HTML "
                    + "(default: $MIGSAFE_RULES_URL; without one, SARIF embeds each rule's page).")
    String rulesUrl;

    /** --rules-url, else the environment's value, else none. */
    String rulesUrl(String fromEnvironment) {
        if (rulesUrl != null) {
            return rulesUrl;
        }
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    /** The formats asked for; also rejects a bad --rules-url, so that both fail before any work. */
    List<ReportFormat> formats() {
        if (rulesUrl != null) {
            new RenderOptions(false, rulesUrl, "");
        }
        return OutputFormat.parse(formats, ReportFormat.values(), ReportFormat.TEXT);
    }
}
