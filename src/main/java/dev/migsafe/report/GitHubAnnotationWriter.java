package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;

import dev.migsafe.report.Report.FindingEntry;

/**
 * GitHub Actions workflow commands that put each active finding on its line in the pull request's
 * "Files changed" view: {@code ::error file=F,line=N,title=BC102 rename-column::message}. Suppressed
 * and baselined findings get none. Data and properties are escaped as the Actions toolkit does, so a
 * message can never end the command early or inject another one.
 */
public final class GitHubAnnotationWriter implements ReportWriter {
    private final RenderOptions options;

    public GitHubAnnotationWriter(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (FindingEntry f : report.findings()) {
            if (!f.isActive()) {
                continue;
            }
            sb.append("::").append(command(f.severity())).append(' ');
            sb.append("file=").append(property(options.ciPath(f.file())));
            if (f.line() > 0) {
                sb.append(",line=").append(f.line());
            }
            sb.append(",title=").append(property(f.ruleId() + " " + f.name()));
            sb.append("::").append(data(f.message() + (f.fix() != null ? "\nSafe alternative: " + f.fix() : "")));
            sb.append('\n');
        }
        out.write(sb.toString());
    }

    private static String command(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "notice";
        };
    }

    /** Escaping of a command's message (toolkit's escapeData). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a command property value (toolkit's escapeProperty). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
