package dev.migsafe.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.rules.locking.LockClaim;
import dev.migsafe.rules.locking.MeasuredBlockingLockRule;
import dev.migsafe.verify.LockTrace;
import dev.migsafe.verify.LockTraceText;
import dev.migsafe.verify.Verification;

/**
 * Puts the lock trace next to the lock rules: an LK finding at a traced statement says whether the
 * database showed what the rule predicts ({@link LockClaim} on the rule: a rewrite, a whole-table read under a
 * lock, a refusal inside a transaction ...) or did not, and a statement measured blocking writes with no LK finding becomes LK614.
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
            LockClaim.Shows claim = claim(f.ruleId());
            if (r == null || r.note() != null && !(claim == LockClaim.Shows.REFUSED_IN_TRANSACTION && r.refusedInTransaction())) {
                findings.add(f);
                continue;
            }
            predicted.add(place(r.file(), r.line()));
            if (claim == LockClaim.Shows.NOT_MEASURABLE) {
                findings.add(f);
                continue;
            }
            findings.add(f.judgedByCode(f.severity(), f.message() + " [" + (shows(claim, r) ? "confirmed" : "not observed")
                    + " on " + v.database() + " by the lock trace: " + LockTraceText.entry(r) + "]", f.usage()));
        }
        RuleInfo info = MeasuredBlockingLockRule.class.getAnnotation(RuleInfo.class);
        List<LockTrace.Record> records = v.locks();
        for (int i = 0; i < records.size(); i++) {
            LockTrace.Record r = records.get(i);
            if (r.blocksWritesItself() && !predicted.contains(place(r.file(), r.line()))) {
                String relations = String.join(", ", r.locks().stream().map(LockTrace.Lock::relation).distinct().toList());
                // a moment's lock under a short lock timeout, released at once, is worth knowing, not a warning
                boolean brief = r.briefAndBounded() && (!r.heldUntilCommit() || lastOfItsMigration(records, i));
                Severity severity = severityOverrides.getOrDefault(info.id(), brief ? Severity.INFO : info.severity());
                findings.add(new Finding(info.id(), info.name(), info.category(), severity, r.file(), r.line(),
                        relations, r.statement(), "measured on " + v.database() + ": " + LockTraceText.entry(r)
                        + "; other sessions' " + String.join(" and ", r.blocks()) + "s on " + relations
                        + (r.heldUntilCommit() ? " wait until migration " + r.migration() + " commits"
                        : " wait while it runs")
                        + (brief ? " (briefly: no rewrite, no full read, lock timeout " + r.lockTimeout()
                        + (r.heldUntilCommit() ? ", nothing after it before the commit" : "") + ")" : ""),
                        info.fix(), false, null));
            }
        }
        return new AnalysisResult(result.range(), result.statuses(), findings, result.statements(), result.unparsed(),
                result.olderSchema(), result.newerSchema());
    }

    /**
     * Whether nothing of its migration runs after it: a lock held until the commit is released right after it then.
     * A migration is taken as one transaction (a script's own COMMIT in between only makes this careful).
     */
    private static boolean lastOfItsMigration(List<LockTrace.Record> records, int i) {
        return records.subList(i + 1, records.size()).stream().noneMatch(r -> r.migration().equals(records.get(i).migration()));
    }

    /** What a lock rule's finding predicts the trace will show; a rule without {@link LockClaim} predicts a blocking lock. */
    public static LockClaim.Shows claim(String ruleId) {
        return RuleCatalog.byId(ruleId).map(rule -> rule.getClass().getAnnotation(LockClaim.class))
                .map(LockClaim::value).orElse(LockClaim.Shows.BLOCKING_LOCK);
    }

    /** Whether the measured statement shows what the claim predicts. */
    public static boolean shows(LockClaim.Shows claim, LockTrace.Record r) {
        return switch (claim) {
            case BLOCKING_LOCK -> !r.blocks().isEmpty() || r.rewrite();
            case WRITE_BLOCKING_LOCK -> r.blocksWrites();
            // a rewrite others wait for: REINDEX CONCURRENTLY also gives an index new storage, without blocking
            case REWRITE -> r.rewrite() && (r.probe() == null || !LockTrace.Probe.PASSED.equals(r.probe().write()));
            case FULL_READ_UNDER_LOCK -> r.rewrite() || Boolean.TRUE.equals(r.scan()); // scan: under a write-blocking lock
            case REFUSED_IN_TRANSACTION -> r.refusedInTransaction();
            case BLOCKING_WITHOUT_TIMEOUT -> r.blocksWithoutTimeout();
            case NOT_MEASURABLE -> false;
        };
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
