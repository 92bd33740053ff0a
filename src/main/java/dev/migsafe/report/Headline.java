package dev.migsafe.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migsafe.report.Report.FindingEntry;

/** The words every human-facing format shares: what the verdict means, what ran, and the counts. */
final class Headline {

    private Headline() {
    }

    /** One sentence after the verdict, e.g. "rolling back the application to v1.2.9 ... breaks it." */
    static String meaning(Report r) {
        boolean rollback = r.from() != null && r.to() != null;
        if (r.isGo()) {
            return rollback
                    ? "an app-only rollback to " + r.to() + " is safe; the older release runs on the new schema."
                    : "no blocking finding" + (r.to() != null ? " against " + r.to() : "") + ".";
        }
        return rollback
                ? "rolling back the application to " + r.to() + " while keeping the new schema breaks it."
                : "blocking findings" + (r.to() != null ? " against " + r.to() : "") + ".";
    }

    /** "can-rollback v1.3.0 -> v1.2.9", "analyze --base origin/main" or "analyze". */
    static String what(Report r, String arrow) {
        if (r.from() != null) {
            return r.command() + " " + r.from() + " " + arrow + " " + r.to();
        }
        return r.command() + (r.to() != null ? " --base " + r.to() : "");
    }

    /** The newer side of a comparison: the release deployed, or the change under review. */
    static String newer(Report r) {
        return r.from() != null ? r.from() : "this change";
    }

    /** "1 error, 2 warnings, 0 infos" plus suppressed / baselined counts when there are any. */
    static String counts(Report r) {
        Report.Summary s = r.summary();
        List<String> parts = new ArrayList<>(List.of(plural(s.errors(), "error"), plural(s.warnings(), "warning"),
                plural(s.infos(), "info")));
        if (s.suppressed() > 0) {
            parts.add(s.suppressed() + " suppressed");
        }
        if (s.baselined() > 0) {
            parts.add(s.baselined() + " baselined");
        }
        return String.join(", ", parts);
    }

    /** Migrations the report covers: the range (new or re-run), not the history before it. */
    static long rangeSize(Report r) {
        return r.migrations().stream().filter(m -> !"unchanged".equals(m.status()) && !"removed".equals(m.status())).count();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Findings by file, files in path order, findings in report order (by line). */
    static Map<String, List<FindingEntry>> byFile(List<FindingEntry> findings) {
        Map<String, List<FindingEntry>> out = new TreeMap<>();
        findings.forEach(f -> out.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
        return out;
    }

    /**
     * Findings by file for a reader: files with blocking findings first, then by their most severe
     * active finding, then by path; findings in each file by line.
     */
    static Map<String, List<FindingEntry>> byFileWorstFirst(List<FindingEntry> findings) {
        List<Map.Entry<String, List<FindingEntry>>> files = new ArrayList<>(byFile(findings).entrySet());
        files.sort(Comparator.<Map.Entry<String, List<FindingEntry>>>comparingInt(e -> rank(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        Map<String, List<FindingEntry>> out = new LinkedHashMap<>();
        files.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** 0 blocking, 1 error, 2 warning, 3 info, 4 nothing active. */
    private static int rank(List<FindingEntry> findings) {
        int best = 4;
        for (FindingEntry f : findings) {
            int r = f.blocking() ? 0 : !f.isActive() ? 4 : switch (f.severity()) {
                case "error" -> 1;
                case "warning" -> 2;
                default -> 3;
            };
            best = Math.min(best, r);
        }
        return best;
    }

    /** Why a finding does not count: its suppression reason, or the baseline. */
    static String silencedBy(FindingEntry f) {
        return f.suppressed() ? "suppressed: " + f.suppressionReason() : "baselined";
    }
}
