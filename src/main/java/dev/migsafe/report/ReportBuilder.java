package dev.migsafe.report;

import static dev.migsafe.report.Printable.escape;

import java.util.List;
import java.util.function.Predicate;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.baseline.Fingerprint;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;
import dev.migsafe.verdict.Strategy;
import dev.migsafe.verdict.Verdict;

/** Turns an analysis (and optional verification) into the report model every format renders. */
public final class ReportBuilder {
    public static final String TOOL_VERSION = ReportBuilder.class.getPackage().getImplementationVersion() != null
            ? ReportBuilder.class.getPackage().getImplementationVersion() : "0.1.0";

    private ReportBuilder() {
    }

    /**
     * A report whose blocking findings are those that decide the verdict (can-rollback).
     *
     * @param from         newer release label, or null for {@code analyze}
     * @param to           older release label, or null
     * @param verification verification section, or null when none ran
     * @param strategies   ways back, or null for {@code analyze}
     */
    public static Report build(String command, String from, String to, String dialect, AnalysisResult result,
                               Verdict verdict, Report.VerificationEntry verification, List<Strategy> strategies,
                               List<String> notes) {
        List<Finding> blocking = Verdict.blocking(result.findings());
        return build(command, from, to, dialect, result, verdict, verification, strategies, notes,
                f -> blocking.contains(f));
    }

    /**
     * @param blocking which findings fail this run (e.g. those at or above {@code --fail-on}); only
     *                 active findings are asked
     */
    public static Report build(String command, String from, String to, String dialect, AnalysisResult result,
                               Verdict verdict, Report.VerificationEntry verification, List<Strategy> strategies,
                               List<String> notes, Predicate<Finding> blocking) {
        List<Finding> all = result.findings();
        List<Finding> active = all.stream().filter(Finding::isActive).toList();
        Report.Summary summary = new Report.Summary(count(active, Severity.ERROR), count(active, Severity.WARNING),
                count(active, Severity.INFO), result.statements(), result.unparsed(),
                (int) all.stream().filter(Finding::suppressed).count(),
                (int) all.stream().filter(f -> f.baselined() && !f.suppressed()).count());
        List<Report.MigrationEntry> migrations = result.statuses().stream()
                .map(s -> new Report.MigrationEntry(escape(s.migration().id()), escape(s.migration().up().path()),
                        s.status(), s.migration().hasDown(), s.migration().checksum(),
                        s.migration().hasDown() ? escape(s.migration().down().path()) : null))
                .toList();
        List<Report.FindingEntry> findings = all.stream()
                .map(f -> entry(f, f.isActive() && blocking.test(f)))
                .toList();
        // a schema comparison only means something between two releases
        List<Report.SchemaChange> schemaChanges = to != null && result.olderSchema() != null && result.newerSchema() != null
                ? SchemaChanges.between(result.olderSchema(), result.newerSchema()) : null;
        return new Report(1, new Report.Tool("migsafe", TOOL_VERSION), command, escape(from), escape(to), dialect,
                verdict.name(), summary, migrations, findings, printable(verification), printable(strategies),
                schemaChanges == null ? null : schemaChanges.stream().map(c -> new Report.SchemaChange(c.kind(),
                        c.change(), escape(c.object()), escape(c.before()), escape(c.after()))).toList(),
                null, notes == null || notes.isEmpty() ? null : notes.stream().map(Printable::escape).toList());
    }

    private static Report.FindingEntry entry(Finding f, boolean blocking) {
        return new Report.FindingEntry(f.ruleId(), f.name(), f.category().id(), f.severity().id(), escape(f.file()),
                f.line(), escape(f.object()), escape(f.statement()), escape(f.message()), escape(f.fix()), f.suppressed(),
                escape(f.suppressionReason()), f.baselined(), blocking, Fingerprint.of(f),
                f.usage().stream().map(u -> new Finding.Usage(escape(u.file()), u.line(), u.kind(), escape(u.text()))).toList());
    }

    // Every text that comes from the input is made printable here, once, for every format.

    private static Report.VerificationEntry printable(Report.VerificationEntry v) {
        return v == null ? null : new Report.VerificationEntry(v.mode(), escape(v.database()), v.steps().stream()
                .map(s -> new Report.StepEntry(s.name(), s.status(), s.durationMs(), escape(s.details()),
                        s.failures() == null ? null : s.failures().stream().map(Printable::escape).toList()))
                .toList(), v.locks().stream()
                .map(l -> l.withText(Printable::escape)).toList());
    }

    private static List<Strategy> printable(List<Strategy> strategies) {
        return strategies == null ? null : strategies.stream()
                .map(s -> s.withText(Printable::escape)).toList();
    }

    private static int count(List<Finding> findings, Severity s) {
        return (int) findings.stream().filter(f -> f.severity() == s).count();
    }
}
