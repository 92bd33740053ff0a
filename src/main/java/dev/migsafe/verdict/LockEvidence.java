package dev.migsafe.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.rules.locking.MeasuredBlockingLockRule;
import dev.migsafe.verify.LockTrace;
import dev.migsafe.verify.LockTraceText;
import dev.migsafe.verify.Verification;

/**
 * Puts the lock trace next to the lock rules: an LK finding at a traced statement says whether the
 * database confirmed it (the statement took a lock that blocks reads or writes, or rewrote a table) or
 * did not show it, and a statement measured blocking writes with no LK finding becomes LK614.
 */
public final class LockEvidence {

    private LockEvidence() {
    }

    /** @param severityOverrides {@code rules:} of migsafe.yaml, which may set LK614's severity */
    public static AnalysisResult judged(AnalysisResult result, Verification v, Map<String, Severity> severityOverrides) {
        if (v == null || v.locks().isEmpty()) {
            return result;
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> predicted = new HashSet<>();
        for (Finding f : result.findings()) {
            LockTrace.Record r = f.category() == Category.LOCKING ? at(v.locks(), f.file(), f.line()) : null;
            if (r == null || r.note() != null) {
                findings.add(f);
                continue;
            }
            predicted.add(place(r.file(), r.line()));
            boolean seen = !r.blocks().isEmpty() || r.rewrite();
            findings.add(f.judgedByCode(f.severity(), f.message() + " [" + (seen ? "confirmed" : "not observed")
                    + " on " + v.database() + " by the lock trace: " + LockTraceText.entry(r) + "]", f.usage()));
        }
        RuleInfo info = MeasuredBlockingLockRule.class.getAnnotation(RuleInfo.class);
        for (LockTrace.Record r : v.locks()) {
            if (r.blocksWrites() && !predicted.contains(place(r.file(), r.line()))) {
                String relations = String.join(", ", r.locks().stream().map(LockTrace.Lock::relation).distinct().toList());
                findings.add(new Finding(info.id(), info.name(), info.category(),
                        severityOverrides.getOrDefault(info.id(), info.severity()), r.file(), r.line(),
                        relations, r.statement(), "measured on " + v.database() + ": " + LockTraceText.entry(r)
                        + "; other sessions' " + String.join(" and ", r.blocks()) + "s on " + relations
                        + (r.algorithm() == null ? " wait until migration " + r.migration() + " commits"
                        : " wait while it runs"), info.fix(), false, null));
            }
        }
        return new AnalysisResult(result.range(), result.statuses(), findings, result.statements(), result.unparsed(),
                result.olderSchema(), result.newerSchema());
    }

    private static LockTrace.Record at(List<LockTrace.Record> records, String file, int line) {
        return records.stream().filter(r -> r.line() == line && sameFile(r.file(), file)).findFirst().orElse(null);
    }

    private static boolean sameFile(String a, String b) {
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    private static String place(String file, int line) {
        return file + ":" + line;
    }
}
