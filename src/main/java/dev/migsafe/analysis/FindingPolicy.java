package dev.migsafe.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlStatement;
import dev.migsafe.sql.Suppression;

/**
 * What the user configured about findings: inline {@code migsafe:ignore} suppressions (a reason is
 * required; one without is reported as CF701 and silences nothing) and severities from
 * {@code migsafe.yaml}. Returns the findings sorted by file and line.
 */
final class FindingPolicy {
    static final String SUPPRESSION_WITHOUT_REASON = "CF701";

    private final Map<String, Severity> severityOverrides;
    private final Map<String, SqlStatement> statementsByLocation = new HashMap<>();
    private final List<SqlStatement> statements = new ArrayList<>();

    FindingPolicy(Map<String, Severity> severityOverrides, List<ParsedStatement> rangeStatements) {
        this.severityOverrides = severityOverrides;
        for (ParsedStatement ps : rangeStatements) {
            statements.add(ps.statement());
            statementsByLocation.put(location(ps.statement().file(), ps.statement().line()), ps.statement());
        }
    }

    List<Finding> apply(List<Finding> raw) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : raw) {
            out.add(suppress(f));
        }
        out.addAll(suppressionsWithoutReason());
        List<Finding> result = new ArrayList<>();
        for (Finding f : out) {
            Severity s = severityOverrides.get(f.ruleId());
            result.add(s == null ? f : f.withSeverity(s));
        }
        result.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparing(Finding::ruleId));
        return result;
    }

    private Finding suppress(Finding f) {
        SqlStatement st = statementsByLocation.get(location(f.file(), f.line()));
        if (st == null) {
            return f;
        }
        for (Suppression s : st.suppressions()) {
            if (s.covers(f.ruleId()) && s.hasReason()) {
                return f.suppressedBecause(s.reason());
            }
        }
        return f;
    }

    private List<Finding> suppressionsWithoutReason() {
        List<Finding> out = new ArrayList<>();
        Rule rule = RuleCatalog.byId(SUPPRESSION_WITHOUT_REASON).orElse(null);
        if (rule == null) {
            return out;
        }
        RuleInfo info = rule.info();
        for (SqlStatement st : statements) {
            for (Suppression s : st.suppressions()) {
                if (!s.hasReason()) {
                    out.add(new Finding(info.id(), info.name(), info.category(), info.severity(), st.file(), s.line(),
                            String.join(",", s.ruleIds()), st.summary(200),
                            "migsafe:ignore " + String.join(",", s.ruleIds())
                                    + " has no reason, so it silences nothing",
                            info.fix(), false, null));
                }
            }
        }
        return out;
    }

    private static String location(String file, int line) {
        return file + ":" + line;
    }
}
