package dev.migsafe.verify;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lock trace in words: the step's one-line summary and each statement's timeline entry. */
public final class LockTraceText {

    private static final int SHOWN = 5;

    private LockTraceText() {
    }

    /** {@code AccessExclusiveLock} as PostgreSQL's documentation names it: {@code ACCESS EXCLUSIVE}. */
    public static String mode(String pgLocksMode) {
        return pgLocksMode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    /** "ACCESS EXCLUSIVE on items, SHARE on orders; blocks select, write; rewrites; 3 ms", or why it was not traced. */
    public static String entry(LockTrace.Record r) {
        if (r.note() != null) {
            return r.note();
        }
        String locks = r.locks().isEmpty() ? "no new lock" : r.locks().stream()
                .map(l -> mode(l.mode()) + " on " + l.relation()).collect(Collectors.joining(", "));
        return locks + (r.blocks().isEmpty() ? "" : "; blocks " + String.join(", ", r.blocks()) + " until its migration commits")
                + (r.rewrite() ? "; rewrites the table" : "") + "; " + r.durationMs() + " ms";
    }

    static String summary(LockTrace.Result result) {
        List<LockTrace.Record> records = result.records();
        long traced = records.stream().filter(r -> r.note() == null).count();
        List<LockTrace.Record> blocking = records.stream().filter(LockTrace.Record::blocksWrites).toList();
        long rewrites = records.stream().filter(LockTrace.Record::rewrite).count();
        long skipped = records.size() - traced;
        StringBuilder sb = new StringBuilder("measured " + traced + " statement(s) of the range on the seeded older"
                + " schema, each migration in a transaction rolled back (lock_timeout " + result.lockTimeout() + "): "
                + blocking.size() + " take a lock that blocks writes, " + rewrites + " rewrite a table");
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
