package dev.migsafe.report;

import java.util.stream.Collectors;

import dev.migsafe.verify.LockTraceText;

/** The cells of the lock timeline, shared by the text and HTML reports (the JSON carries the fields as they are). */
final class LockTimeline {

    private LockTimeline() {
    }

    /** "V2__x.sql:3". */
    static String where(Report.LockEntry l) {
        return l.file().substring(l.file().lastIndexOf('/') + 1) + ":" + l.line();
    }

    /** "ACCESS EXCLUSIVE on orders, SHARE on items" (with the ALTER algorithm first on MySQL), or "no new lock". */
    static String locks(Report.LockEntry l) {
        String locks = l.locks().isEmpty() ? LockTraceText.NO_NEW_LOCK : l.locks().stream()
                .map(k -> LockTraceText.lock(k.mode(), k.relation(), Boolean.TRUE.equals(k.held())))
                .collect(Collectors.joining(", "));
        return l.algorithm() == null ? locks : l.algorithm() + ": " + locks;
    }

    /** "select, write", or "none". */
    static String blocks(Report.LockEntry l) {
        return l.blocks().isEmpty() ? "none" : String.join(", ", l.blocks());
    }

    /** What the second session saw, or null when there was no probe. */
    static String probe(Report.LockEntry l) {
        return l.probe() == null ? null : LockTraceText.probe(l.probe().select(), l.probe().write(), l.probe().note());
    }

    /** The whole entry on one line, for the text report. */
    static String line(Report.LockEntry l) {
        if (l.note() != null) {
            return l.note();
        }
        String probe = probe(l);
        return locks(l) + (l.blocks().isEmpty() ? "" : "; blocks " + blocks(l))
                + LockTraceText.work(l.rewrite(), l.scan(), l.blocks(), l.lockTimeout()) + "; " + l.durationMs() + " ms"
                + (probe == null ? "" : "; " + probe) + (l.estimate() == null ? "" : "; " + l.estimate());
    }
}
