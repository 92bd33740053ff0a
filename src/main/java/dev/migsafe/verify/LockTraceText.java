package dev.migsafe.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lock trace in words: the step's one-line summary and each statement's timeline entry. */
public final class LockTraceText {

    private static final int SHOWN = 5;

    private LockTraceText() {
    }

    /**
     * {@code AccessExclusiveLock} as PostgreSQL's documentation names it: {@code ACCESS EXCLUSIVE};
     * MySQL's {@code SHARED_NO_WRITE} as {@code SHARED NO WRITE}.
     */
    public static String mode(String serverMode) {
        return serverMode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ')
                .toUpperCase(Locale.ROOT);
    }

    /** "a second session's write was blocked, its read was not", or null when there was no probe. */
    public static String probe(String select, String write, String note) {
        List<String> seen = new ArrayList<>();
        if (write != null) {
            seen.add("write " + write);
        }
        if (select != null) {
            seen.add("read " + select);
        }
        if (seen.isEmpty()) {
            return note == null ? null : "probe: " + note;
        }
        return "a second session's " + String.join(", ", seen);
    }

    public static final String NO_NEW_LOCK = "no new lock";

    /** "SHARE on orders", or "SHARE on orders (held since an earlier statement of its transaction)". */
    public static String lock(String mode, String relation, boolean held) {
        return mode + " on " + relation + (held ? " (held since an earlier statement of its transaction)" : "");
    }

    /** "ACCESS EXCLUSIVE on items; blocks select, write; rewrites the table; 3 ms; ...", or why it was not traced. */
    public static String entry(LockTrace.Record r) {
        if (r.note() != null) {
            return r.note();
        }
        String locks = r.locks().isEmpty() ? NO_NEW_LOCK : r.locks().stream()
                .map(l -> lock(mode(l.mode()), l.relation(), l.held())).collect(Collectors.joining(", "));
        String probe = r.probe() == null ? null : probe(r.probe().select(), r.probe().write(), r.probe().note());
        return (r.algorithm() == null ? "" : r.algorithm() + ": ") + locks
                + (r.blocks().isEmpty() ? "" : "; blocks " + String.join(", ", r.blocks())
                + (r.heldUntilCommit() ? " until its migration commits" : " while it runs"))
                + work(r.rewrite(), r.scan(), r.blocks(), r.lockTimeout()) + "; " + r.durationMs() + " ms"
                + (r.sampleRows() >= TableStats.MIN_SAMPLE_ROWS ? " on " + TableStats.count(r.sampleRows()) + " rows" : "")
                + (probe == null ? "" : "; " + probe)
                + (r.estimate() == null ? "" : "; " + r.estimate());
    }

    /**
     * "; rewrites the table", "; reads the whole table under its lock", and "; no lock timeout" for a statement that
     * blocks others with none in force: what makes a blocking lock long, or unbounded.
     */
    public static String work(boolean rewrite, Boolean scan, List<String> blocks, String lockTimeout) {
        String work = rewrite ? "; rewrites the table" : Boolean.TRUE.equals(scan) ? "; reads the whole table under its lock" : "";
        boolean unbounded = !blocks.isEmpty() && LockTrace.noTimeout(lockTimeout);
        return work + (unbounded ? "; no lock timeout" : "");
    }

    static String summary(LockTrace.Result result) {
        List<LockTrace.Record> records = result.records();
        long traced = records.stream().filter(r -> r.note() == null).count();
        List<LockTrace.Record> blocking = records.stream().filter(LockTrace.Record::blocksWrites).toList();
        long rewrites = records.stream().filter(LockTrace.Record::rewrite).count();
        long probed = records.stream().filter(r -> r.probe() != null).count();
        long skipped = records.size() - traced;
        StringBuilder sb = new StringBuilder("measured " + traced + " statement(s) of the range " + result.how() + " ("
                + result.lockTimeout() + "; " + probed
                + " probed from a second session): " + blocking.size() + " take a lock that blocks writes, " + rewrites
                + " rewrite a table");
        if (!blocking.isEmpty()) {
            sb.append(" (").append(blocking.stream().limit(SHOWN)
                    .map(r -> r.file().substring(r.file().lastIndexOf('/') + 1) + ":" + r.line() + " " + entry(r))
                    .collect(Collectors.joining("; ")));
            sb.append(blocking.size() > SHOWN ? "; and " + (blocking.size() - SHOWN) + " more)" : ")");
        }
        if (skipped > 0) {
            sb.append("; ").append(skipped).append(" not traced (").append(records.stream().filter(r -> r.note() != null)
                    .map(LockTrace.Record::note).distinct().collect(Collectors.joining("; "))).append(")");
        }
        return sb.toString();
    }
}
