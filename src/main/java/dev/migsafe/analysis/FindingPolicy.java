package dev.migsafe.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.rules.config.SuppressionWithoutReasonRule;
import dev.migsafe.rules.config.UnusedSuppressionRule;
import dev.migsafe.source.NaturalOrder;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlStatement;
import dev.migsafe.sql.Suppression;

/**
 * What the user configured about findings: inline suppressions and severities from
 * {@code migsafe.yaml}. Returns the findings sorted by file (V2 before V10) and line.
 *
 * <p>{@code migsafe:ignore} silences the findings of the statement it precedes;
 * {@code migsafe:ignore-file} (in the leading comment block) those of the whole file. A reason is
 * required: a suppression without one silences nothing and is reported as CF701. A suppression with a
 * reason that silenced nothing (stale, misspelt rule ID, misplaced ignore-file) is reported as CF702.
 */
final class FindingPolicy {
    /** the length rules shorten a finding's statement to ({@link SqlStatement#summary(int)}) */
    private static final int SUMMARY_LENGTH = 200;

    private final Map<String, Severity> severityOverrides;
    /** the statements starting at each file:line, in script order (several when they share a line) */
    private final Map<String, List<SqlStatement>> statementsByLocation = new HashMap<>();
    private final Map<String, List<Suppression>> fileSuppressions = new HashMap<>();
    /** every suppression comment of the range, with the statement it was written at */
    private final Map<Suppression, SqlStatement> suppressions = new IdentityHashMap<>();
    private final List<Suppression> inOrder = new ArrayList<>();
    private final Set<Suppression> used = Collections.newSetFromMap(new IdentityHashMap<>());

    FindingPolicy(Map<String, Severity> severityOverrides, List<ParsedStatement> rangeStatements) {
        this.severityOverrides = severityOverrides;
        for (ParsedStatement ps : rangeStatements) {
            SqlStatement st = ps.statement();
            statementsByLocation.computeIfAbsent(location(st.file(), st.line()), l -> new ArrayList<>()).add(st);
            for (Suppression s : st.suppressions()) {
                if (suppressions.put(s, st) == null) {
                    inOrder.add(s);
                }
                if (s.scope() == Suppression.Scope.FILE) {
                    fileSuppressions.computeIfAbsent(st.file(), f -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    List<Finding> apply(List<Finding> raw) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : raw) {
            out.add(suppress(f));
        }
        out.addAll(suppressionFindings());
        List<Finding> result = new ArrayList<>();
        for (Finding f : out) {
            Severity s = severityOverrides.get(f.ruleId());
            result.add(s == null ? f : f.withSeverity(s));
        }
        // by file as people read names (V2 before V10), then line
        result.sort(Comparator.comparing(Finding::file, Comparator.nullsLast(NaturalOrder.INSTANCE))
                .thenComparingInt(Finding::line).thenComparing(Finding::ruleId));
        return result;
    }

    private Finding suppress(Finding f) {
        SqlStatement st = statementOf(f);
        List<Suppression> candidates = new ArrayList<>();
        if (st != null) {
            st.suppressions().stream().filter(s -> s.scope() == Suppression.Scope.STATEMENT).forEach(candidates::add);
        }
        candidates.addAll(fileSuppressions.getOrDefault(f.file(), List.of()));
        for (Suppression s : candidates) {
            if (s.covers(f.ruleId()) && s.hasReason()) {
                used.add(s);
                return f.suppressedBecause(s.reason());
            }
        }
        return f;
    }

    /**
     * The statement a finding was reported at, whose own {@code migsafe:ignore} comments apply to it.
     * Rules report at a statement's file, line and summary, so when several statements start on that
     * line the summary tells them apart. A finding about the migration as a whole (no statement text)
     * on a shared line goes with the line's first statement, the one a comment above the line precedes.
     */
    private SqlStatement statementOf(Finding f) {
        List<SqlStatement> here = statementsByLocation.getOrDefault(location(f.file(), f.line()), List.of());
        if (here.size() <= 1) {
            return here.isEmpty() ? null : here.get(0);
        }
        return here.stream().filter(st -> st.summary(SUMMARY_LENGTH).equals(f.statement())).findFirst()
                .orElse(here.get(0));
    }

    /** CF701 for every suppression without a reason, CF702 for every one with a reason that silenced nothing. */
    private List<Finding> suppressionFindings() {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : inOrder) {
            SqlStatement st = suppressions.get(s);
            if (!s.hasReason()) {
                report(out, SuppressionWithoutReasonRule.ID, st, s, s.directive() + " has no reason, so it silences nothing");
            } else if (s.scope() == Suppression.Scope.MISPLACED_FILE) {
                report(out, UnusedSuppressionRule.ID, st, s, s.directive()
                        + " comes after the first statement, so it silences nothing: move it into the file's leading comments");
            } else if (!used.contains(s)) {
                report(out, UnusedSuppressionRule.ID, st, s, s.directive() + " silences nothing" + unknownRules(s)
                        + (s.scope() == Suppression.Scope.FILE ? " in this file" : " on this statement")
                        + ": delete it if the finding it was written for is gone");
            }
        }
        return out;
    }

    private static String unknownRules(Suppression s) {
        List<String> unknown = s.ruleIds().stream().filter(id -> RuleCatalog.byId(id).isEmpty()).toList();
        return unknown.isEmpty() ? "" : " (" + String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                + " not a rule ID; see 'migsafe rules')";
    }

    private static void report(List<Finding> out, String ruleId, SqlStatement st, Suppression s, String message) {
        Rule rule = RuleCatalog.byId(ruleId).orElse(null);
        if (rule == null) {
            return;
        }
        RuleInfo info = rule.info();
        String statement = s.scope() == Suppression.Scope.STATEMENT ? st.summary(SUMMARY_LENGTH) : "-- " + s.directive()
                + (s.hasReason() ? " " + s.reason() : "");
        out.add(new Finding(info.id(), info.name(), info.category(), info.severity(), st.file(), s.line(),
                s.ruleIds().stream().collect(Collectors.joining(",")), statement, message, info.fix(), false, null));
    }

    private static String location(String file, int line) {
        return file + ":" + line;
    }
}
