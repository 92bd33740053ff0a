package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.report.Report.StepEntry;
import dev.migsafe.verdict.Strategy;

/**
 * A summary sized for a pull-request comment: the verdict first, then the active findings grouped by
 * file with their statement and safe alternative, the ways back, and the suppressed or baselined
 * findings folded away. Past {@link #OPEN_FINDINGS} findings the rest are folded in a
 * {@code <details>} block; the whole text stays under a size cap (GitHub allows 65,536 characters in
 * a comment), ending with "N more findings" when findings had to be left out.
 */
public final class MarkdownReportWriter implements ReportWriter {
    /** GitHub's comment limit is 65,536 characters; keep clear of it. */
    public static final int DEFAULT_MAX_CHARS = 60_000;
    static final int OPEN_FINDINGS = 10;
    /** Room kept for the closing lines ("N more findings", the footer) when the cap is near. */
    private static final int RESERVE = 400;

    private final RenderOptions options;
    private final int maxChars;

    public MarkdownReportWriter(RenderOptions options) {
        this(options, DEFAULT_MAX_CHARS);
    }

    public MarkdownReportWriter(RenderOptions options, int maxChars) {
        this.options = options;
        this.maxChars = maxChars;
    }

    @Override
    public void write(Report r, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        header(r, sb);
        String tail = tail(r);
        List<FindingEntry> active = r.findings().stream().filter(FindingEntry::isActive).toList();
        List<FindingEntry> silenced = r.findings().stream().filter(f -> !f.isActive()).toList();
        int left = findings(active, sb, maxChars - tail.length() - RESERVE);
        sb.append(tail);
        left += silenced(silenced, sb, maxChars - RESERVE);
        if (left > 0) {
            sb.append("\n**… and ").append(Headline.plural(left, "more finding"))
                    .append("** not shown here (comment size limit): see the full report.\n");
        }
        sb.append(sb.toString().endsWith("\n\n") ? "" : "\n").append("<sub>migsafe ").append(r.tool().version())
                .append(" · ").append(r.dialect()).append("</sub>\n");
        out.write(sb.toString());
    }

    private void header(Report r, StringBuilder sb) {
        sb.append("## ").append(r.isGo() ? "✅" : "❌").append(" migsafe: ").append(r.verdict()).append("\n\n");
        sb.append("**").append(capitalise(Headline.meaning(r))).append("**\n\n");
        sb.append('`').append(Headline.what(r, "→")).append("` · ")
                .append(Headline.plural(Headline.rangeSize(r), "migration")).append(" · ")
                .append(Headline.plural(r.summary().statements(), "statement"));
        if (r.summary().unparsed() > 0) {
            sb.append(" (").append(r.summary().unparsed()).append(" not analysed)");
        }
        sb.append(" · ").append(Headline.counts(r)).append("\n\n");
        if (r.baseline() != null && r.summary().baselined() > 0) {
            sb.append("Findings recorded in `").append(r.baseline()).append("` are listed as baselined and do not count.\n\n");
        }
    }

    /**
     * Writes the active findings by file within {@code budget} characters in all.
     *
     * @return how many did not fit
     */
    private int findings(List<FindingEntry> active, StringBuilder sb, int budget) {
        if (active.isEmpty()) {
            sb.append("No findings.\n\n");
            return 0;
        }
        int shown = 0;
        boolean folded = false;
        files:
        for (Map.Entry<String, List<FindingEntry>> file : Headline.byFileWorstFirst(active).entrySet()) {
            if (!folded && shown >= OPEN_FINDINGS) {
                sb.append("<details><summary>").append(Headline.plural(active.size() - shown, "more finding"))
                        .append("</summary>\n\n");
                folded = true;
            }
            String heading = "#### `" + code(file.getKey()) + "`\n\n";
            for (FindingEntry f : file.getValue()) {
                String block = finding(f);
                if (sb.length() + heading.length() + block.length() > budget) {
                    break files;
                }
                sb.append(heading).append(block);
                heading = "";
                shown++;
            }
        }
        if (folded) {
            sb.append("</details>\n\n");
        }
        return active.size() - shown;
    }

    private String finding(FindingEntry f) {
        StringBuilder b = new StringBuilder();
        b.append("- ").append(icon(f.severity())).append(" **").append(ruleLink(f)).append(' ').append(f.name())
                .append("**").append(f.line() > 0 ? " · line " + f.line() : "");
        if (f.object() != null && !f.object().isEmpty()) {
            b.append(" · `").append(code(f.object())).append('`');
        }
        if (f.blocking()) {
            b.append(" · blocking");
        }
        b.append("\n  ").append(text(f.message())).append('\n');
        if (f.statement() != null && !f.statement().isEmpty()) {
            String fence = f.statement().contains("```") ? "````" : "```";
            b.append("  ").append(fence).append("sql\n  ").append(f.statement()).append("\n  ").append(fence).append('\n');
        }
        if (f.fix() != null) {
            b.append("  **Safe alternative:** ").append(text(f.fix())).append('\n');
        }
        return b.append('\n').toString();
    }

    /** Ways back and verification: short, always shown. */
    private String tail(Report r) {
        StringBuilder sb = new StringBuilder();
        if (r.verification() != null && !r.verification().steps().isEmpty()) {
            sb.append("### Verification (").append(r.verification().mode());
            if (r.verification().database() != null) {
                sb.append(", ").append(r.verification().database());
            }
            sb.append(")\n\n| Step | Status | Details |\n|---|---|---|\n");
            for (StepEntry s : r.verification().steps()) {
                sb.append("| ").append(cell(s.name())).append(" | ")
                        .append("failed".equals(s.status()) ? "❌ failed" : "passed".equals(s.status()) ? "✅ passed" : "skipped")
                        .append(" | ").append(cell(s.details() == null ? "" : s.details())).append(" |\n");
            }
            sb.append('\n');
        }
        if (r.strategies() != null && !r.strategies().isEmpty()) {
            sb.append("### Ways back to ").append(r.to()).append("\n\n| Strategy | Feasible | Data loss | Notes |\n|---|---|---|---|\n");
            for (Strategy s : r.strategies()) {
                sb.append("| ").append(s.name()).append(" | ").append(s.feasible() ? "yes" : "**no**").append(" | ")
                        .append(s.dataLoss()).append(" | ").append(cell(s.notes())).append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** @return how many did not fit */
    private int silenced(List<FindingEntry> silenced, StringBuilder sb, int budget) {
        if (silenced.isEmpty()) {
            return 0;
        }
        sb.append("<details><summary>").append(Headline.plural(silenced.size(), "suppressed or baselined finding"))
                .append("</summary>\n\n");
        int shown = 0;
        for (FindingEntry f : silenced) {
            String line = "- " + ruleLink(f) + " " + f.name() + " · `" + code(f.file()) + (f.line() > 0 ? ":" + f.line() : "") + "` · "
                    + text(Headline.silencedBy(f)) + "\n";
            if (sb.length() + line.length() > budget) {
                break;
            }
            sb.append(line);
            shown++;
        }
        sb.append("\n</details>\n");
        return silenced.size() - shown;
    }

    private String ruleLink(FindingEntry f) {
        String uri = options.ruleUri(f.ruleId());
        return uri == null ? f.ruleId() : "[" + f.ruleId() + "](" + uri + ")";
    }

    private static String icon(String severity) {
        return switch (severity) {
            case "error" -> "❌";
            case "warning" -> "⚠️";
            default -> "ℹ️";
        };
    }

    /** Plain text that Markdown and the HTML GitHub allows would otherwise interpret. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '*', '_', '`', '[', ']', '|' -> b.append('\\').append(c);
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return text(s);
    }

    private static String code(String s) {
        return s.replace("`", "'");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
