package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.report.Report.MigrationEntry;
import dev.migsafe.report.Report.StepEntry;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.dialect.Dialect;

/**
 * JUnit XML for CI systems that show test reports: one test suite per migration file of the range,
 * one test case per rule (of the report's dialect) and file. A case fails when the rule found
 * something in that file that fails this run (the verdict, or {@code --fail-on}); findings that do not
 * (warnings below the threshold) are written to its {@code system-out}; a case whose only findings are
 * suppressed or baselined is skipped with the reason. Verification steps, when any ran, form a suite
 * of their own. The failure count equals the exit code's reason: zero failures, exit 0.
 */
public final class JUnitReportWriter implements ReportWriter {
    private final List<RuleInfo> catalog;

    /** Test cases for every rule of the catalog. */
    public JUnitReportWriter() {
        this(RuleCatalog.all().stream().map(Rule::info).toList());
    }

    /** Test cases for these rules (and for any other rule that has a finding). */
    public JUnitReportWriter(List<RuleInfo> catalog) {
        this.catalog = List.copyOf(catalog);
    }

    @Override
    public void write(Report r, Writer out) throws IOException {
        List<RuleInfo> rules = catalog.stream()
                .filter(i -> Arrays.stream(i.dialects()).map(Dialect::id).anyMatch(r.dialect()::equals)).toList();
        Map<String, List<FindingEntry>> byFile = Headline.byFile(r.findings());
        TreeSet<String> files = new TreeSet<>(byFile.keySet());
        for (MigrationEntry m : r.migrations()) {
            if ("new".equals(m.status()) || "changed".equals(m.status())) {
                files.add(m.path());
                if (m.downPath() != null) {
                    files.add(m.downPath());
                }
            }
        }
        List<String> suites = new ArrayList<>();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (String file : files) {
            Suite suite = new Suite(file);
            Map<String, List<FindingEntry>> byRule = new TreeMap<>();
            byFile.getOrDefault(file, List.of()).forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
            for (RuleInfo rule : rules) {
                suite.ruleCase(rule.id() + " " + rule.name(), byRule.remove(rule.id()));
            }
            // findings of rules outside the dialect's list (or the catalog) still get their case
            byRule.forEach((id, list) -> suite.ruleCase(id + " " + list.get(0).name(), list));
            suites.add(suite.xml());
            tests += suite.tests;
            failures += suite.failures;
            skipped += suite.skipped;
        }
        if (r.verification() != null && !r.verification().steps().isEmpty()) {
            Suite suite = new Suite("verification (" + r.verification().mode() + ")");
            r.verification().steps().forEach(suite::stepCase);
            suites.add(suite.xml());
            tests += suite.tests;
            failures += suite.failures;
            skipped += suite.skipped;
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"").append(attr("migsafe " + Headline.what(r, "->"))).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                .append(skipped).append("\">\n");
        suites.forEach(sb::append);
        sb.append("</testsuites>\n");
        out.write(sb.toString());
    }

    /** One test suite being written. */
    private static final class Suite {
        final String name;
        final StringBuilder cases = new StringBuilder();
        int tests;
        int failures;
        int skipped;

        Suite(String name) {
            this.name = name;
        }

        void ruleCase(String caseName, List<FindingEntry> findings) {
            tests++;
            open(caseName);
            if (findings == null || findings.isEmpty()) {
                cases.append("/>\n");
                return;
            }
            cases.append(">\n");
            List<FindingEntry> failing = findings.stream().filter(FindingEntry::blocking).toList();
            List<FindingEntry> active = findings.stream().filter(FindingEntry::isActive).toList();
            if (!failing.isEmpty()) {
                failures++;
                FindingEntry first = failing.get(0);
                cases.append("      <failure type=\"").append(attr(first.ruleId())).append("\" message=\"")
                        .append(attr(summary(first) + (failing.size() > 1 ? " (and " + (failing.size() - 1) + " more)" : "")))
                        .append("\">").append(text(details(failing))).append("</failure>\n");
            } else if (active.isEmpty()) {
                skipped++;
                cases.append("      <skipped message=\"").append(attr(findings.stream().map(Headline::silencedBy)
                        .distinct().reduce((a, b) -> a + "; " + b).orElse(""))).append("\"/>\n");
            }
            List<FindingEntry> notFailing = findings.stream().filter(f -> !f.blocking()).toList();
            if (!notFailing.isEmpty() && !active.isEmpty()) {
                cases.append("      <system-out>").append(text(details(notFailing))).append("</system-out>\n");
            }
            cases.append("    </testcase>\n");
        }

        void stepCase(StepEntry step) {
            tests++;
            open(step.name());
            switch (step.status()) {
                case "failed" -> {
                    failures++;
                    String body = (step.details() == null ? "" : step.details())
                            + (step.failures() == null ? "" : "\n" + String.join("\n", step.failures()));
                    cases.append(">\n      <failure type=\"verification\" message=\"")
                            .append(attr(step.details() == null ? "failed" : step.details())).append("\">")
                            .append(text(body.strip())).append("</failure>\n    </testcase>\n");
                }
                case "skipped" -> {
                    skipped++;
                    cases.append(">\n      <skipped message=\"").append(attr(step.details() == null ? "" : step.details()))
                            .append("\"/>\n    </testcase>\n");
                }
                default -> cases.append("/>\n");
            }
        }

        private void open(String caseName) {
            cases.append("    <testcase classname=\"").append(attr(name)).append("\" name=\"").append(attr(caseName))
                    .append('"');
        }

        String xml() {
            return "  <testsuite name=\"" + attr(name) + "\" tests=\"" + tests + "\" failures=\"" + failures
                    + "\" errors=\"0\" skipped=\"" + skipped + "\">\n" + cases + "  </testsuite>\n";
        }
    }

    private static String summary(FindingEntry f) {
        return (f.object() == null || f.object().isEmpty() ? "" : f.object() + ": ") + f.message();
    }

    private static String details(List<FindingEntry> findings) {
        StringBuilder sb = new StringBuilder();
        for (FindingEntry f : findings) {
            sb.append(f.severity()).append(' ').append(f.ruleId()).append(" at ").append(f.file())
                    .append(f.line() > 0 ? ":" + f.line() : "").append(f.isActive() ? "" : " (" + Headline.silencedBy(f) + ")").append('\n');
            if (f.statement() != null && !f.statement().isEmpty()) {
                sb.append("  ").append(f.statement()).append('\n');
            }
            sb.append("  why: ").append(f.message()).append('\n');
            if (f.fix() != null) {
                sb.append("  fix: ").append(f.fix()).append('\n');
            }
        }
        return sb.toString();
    }

    /** XML attribute value: markup escaped, and characters XML 1.0 cannot carry dropped. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
