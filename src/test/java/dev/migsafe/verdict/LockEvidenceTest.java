package dev.migsafe.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;
import dev.migsafe.verify.LockTrace;
import dev.migsafe.verify.LockTrace.Lock;
import dev.migsafe.verify.Verification;

/** LK614 from measured records: which write-blocking statements become findings, and how severe. */
class LockEvidenceTest {

    private static final List<String> WRITE = List.of("write");

    /** A traced PostgreSQL statement of migration 2 in V2__x.sql that took {@code locks} itself. */
    private static LockTrace.Record record(int line, List<Lock> locks, List<String> blocks, boolean rewrite, Boolean scan,
                                           String lockTimeout, boolean untilCommit) {
        return new LockTrace.Record("2", "db/V2__x.sql", line, "ALTER TABLE orders ...", locks, blocks, rewrite, scan, 1,
                null, null, null, "orders", 0, null, lockTimeout, untilCommit);
    }

    private static LockTrace.Record trigger(int line, String lockTimeout, boolean untilCommit) {
        return record(line, List.of(new Lock("ShareRowExclusiveLock", "orders")), WRITE, false, false, lockTimeout,
                untilCommit);
    }

    /** line -> severity of the LK614 findings made from the records. */
    private static Map<Integer, Severity> lk614(LockTrace.Record... records) {
        Verification v = new Verification("embedded", "PostgreSQL 16.15", List.of(), List.of(records));
        AnalysisResult none = new AnalysisResult(List.of(), List.of(), List.of(), 0, 0, null, null);
        return LockEvidence.judged(none, v, Map.of()).findings().stream().filter(f -> f.ruleId().equals("LK614"))
                .collect(java.util.stream.Collectors.toMap(Finding::line, Finding::severity));
    }

    @Test
    void aMomentsLockUnderAShortTimeoutReleasedAtOnceIsInfo() {
        assertEquals(Map.of(1, Severity.INFO), lk614(trigger(1, "5s", true)));
        // run on its own (no transaction): released when it ends, whatever follows
        assertEquals(Map.of(1, Severity.INFO, 2, Severity.INFO), lk614(trigger(1, "500ms", false), trigger(2, "1min", false)));
    }

    @Test
    void aBriefLockHeldThroughWhatItsMigrationDoesNextIsAWarning() {
        assertEquals(Map.of(1, Severity.WARNING, 2, Severity.INFO), lk614(trigger(1, "5s", true), trigger(2, "5s", true)));
    }

    @Test
    void noTimeoutALongTimeoutARewriteOrAnUnmeasuredReadIsAWarning() {
        assertEquals(Map.of(1, Severity.WARNING), lk614(trigger(1, "0", true)));
        assertEquals(Map.of(1, Severity.WARNING), lk614(trigger(1, "2min", true)));
        assertEquals(Map.of(1, Severity.WARNING), lk614(trigger(1, "86400 s", false)));
        assertEquals(Map.of(1, Severity.WARNING), lk614(record(1, List.of(new Lock("AccessExclusiveLock", "orders")),
                List.of("select", "write"), true, false, "5s", true)));
        // MySQL does not measure the read: an INPLACE build under LOCK=SHARED works as long as the table is big
        assertEquals(Map.of(1, Severity.WARNING), lk614(record(1, List.of(new Lock("SHARED_NO_WRITE", "orders")), WRITE,
                false, null, "5 s", false)));
    }

    @Test
    void aLockOnlyHeldFromAnEarlierStatementIsThatStatementsToAnswerFor() {
        LockTrace.Record again = record(2, List.of(new Lock("AccessExclusiveLock", "orders", true)),
                List.of("select", "write"), false, false, "0", true);
        assertEquals(Map.of(1, Severity.WARNING), lk614(record(1, List.of(new Lock("AccessExclusiveLock", "orders")),
                List.of("select", "write"), false, false, "0", true), again));
    }
}
