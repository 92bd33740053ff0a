package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.report.Report.StepEntry;
import dev.migsafe.verdict.Strategy;

/** The human report: verdict first, then why, then what to do. ANSI color only on a terminal. */
public final class TextReportWriter implements ReportWriter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String DIM = "\u001b[2m";

    private final boolean color;

    public TextReportWriter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(Report r, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(paint(BOLD, "migsafe " + Headline.what(r, "->"))).append(" (").append(r.dialect()).append(")\n\n");
        verdict(r, sb);
        findings(r.findings(), sb);
        verification(r, sb);
        strategies(r.strategies(), sb);
        if (r.notes() != null) {
            r.notes().forEach(n -> sb.append(paint(DIM, "note: " + n)).append('\n'));
        }
        Report.Summary s = r.summary();
        sb.append(String.format("%d migration(s), %d statement(s), %d not analysed; %d error(s), %d warning(s), %d info%s%n",
                r.migrations().stream().filter(m -> !"unchanged".equals(m.status())).count(), s.statements(),
                s.unparsed(), s.errors(), s.warnings(), s.infos(),
                (s.suppressed() > 0 ? "; " + s.suppressed() + " suppressed" : "")
                        + (s.baselined() > 0 ? "; " + s.baselined() + " baselined (not counted)" : "")));
        out.write(sb.toString());
    }

    private void verdict(Report r, StringBuilder sb) {
        sb.append(r.isGo() ? paint(BOLD + GREEN, "GO") : paint(BOLD + RED, "NO_GO")).append(": ")
                .append(Headline.meaning(r)).append("\n\n");
    }

    private void findings(List<FindingEntry> findings, StringBuilder sb) {
        if (findings.isEmpty()) {
            sb.append("No findings.\n\n");
            return;
        }
        for (FindingEntry f : findings) {
            String sev = switch (f.severity()) {
                case "error" -> paint(RED, "error  ");
                case "warning" -> paint(YELLOW, "warning");
                default -> paint(DIM, "info   ");
            };
            sb.append(f.suppressed() ? paint(DIM, "suppressed") : f.baselined() ? paint(DIM, "baselined ") : sev).append(' ')
                    .append(paint(BOLD, f.ruleId())).append(' ').append(f.name()).append("  ")
                    .append(f.file()).append(':').append(f.line());
            if (f.object() != null && !f.object().isEmpty()) {
                sb.append("  ").append(f.object());
            }
            sb.append('\n');
            if (f.statement() != null && !f.statement().isEmpty()) {
                sb.append("    ").append(paint(DIM, f.statement())).append('\n');
            }
            sb.append("    why: ").append(f.message()).append('\n');
            if (f.fix() != null) {
                sb.append("    fix: ").append(f.fix()).append('\n');
            }
            if (f.suppressed()) {
                sb.append("    suppressed: ").append(f.suppressionReason()).append('\n');
            }
        }
        sb.append('\n');
    }

    private void verification(Report r, StringBuilder sb) {
        if (r.verification() == null || r.verification().steps().isEmpty()) {
            return;
        }
        sb.append(paint(BOLD, "Verification")).append(" (").append(r.verification().mode());
        if (r.verification().database() != null) {
            sb.append(", ").append(r.verification().database());
        }
        sb.append(")\n");
        for (StepEntry s : r.verification().steps()) {
            String status = switch (s.status()) {
                case "passed" -> paint(GREEN, "passed ");
                case "failed" -> paint(RED, "FAILED ");
                default -> paint(DIM, "skipped");
            };
            sb.append("  ").append(status).append(' ').append(s.name())
                    .append(String.format(" (%.1fs)", s.durationMs() / 1000.0));
            if (s.details() != null && !s.details().isEmpty()) {
                sb.append(": ").append(s.details());
            }
            sb.append('\n');
            if (s.failures() != null) {
                s.failures().forEach(f -> sb.append("      - ").append(f).append('\n'));
            }
        }
        lockTimeline(r.verification().locks(), sb);
        sb.append('\n');
    }

    /** Per statement of the range: the locks it took, what they block, whether it rewrote a table, how long it ran. */
    private void lockTimeline(List<Report.LockEntry> locks, StringBuilder sb) {
        if (locks.isEmpty()) {
            return;
        }
        sb.append("  lock timeline (measured per statement):\n");
        for (Report.LockEntry l : locks) {
            sb.append("    ").append(l.blocks().contains("write") ? paint(RED, "blocking") : "        ").append(' ')
                    .append(LockTimeline.where(l)).append("  ").append(LockTimeline.line(l)).append('\n');
        }
    }

    private void strategies(List<Strategy> strategies, StringBuilder sb) {
        if (strategies == null || strategies.isEmpty()) {
            return;
        }
        sb.append(paint(BOLD, "Ways back")).append('\n');
        for (Strategy s : strategies) {
            sb.append(String.format("  %-16s %-13s data loss: %-9s %s%n", s.name(),
                    s.feasible() ? "feasible" : "not feasible", s.dataLoss(), s.notes()));
        }
        sb.append('\n');
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
