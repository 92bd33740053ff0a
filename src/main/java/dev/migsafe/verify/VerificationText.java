package dev.migsafe.verify;

import java.util.Locale;

/** A verification as plain text, for the text report and for test failure messages. */
public final class VerificationText {

    private VerificationText() {
    }

    /**
     * <pre>
     * Verification on PostgreSQL 16.4 (embedded): FAILED
     *   passed  start database           1.9 s  PostgreSQL 16.4 (embedded)
     *   FAILED  older-release contract   0.1 s  the older release breaks on the new schema: ...
     *           - users.name: SELECT fails: ERROR: column "name" does not exist - caused by migration 4 (...)
     * </pre>
     */
    public static String render(Verification v) {
        StringBuilder sb = new StringBuilder("Verification");
        if (v.database() != null) {
            sb.append(" on ").append(v.database()).append(" (").append(v.mode()).append(')');
        }
        sb.append(": ").append(v.failed() ? "FAILED" : v.mode().equals("none") ? "not run" : "passed").append('\n');
        for (Step step : v.steps()) {
            String status = step.status() == Step.Status.FAILED ? "FAILED"
                    : step.status().name().toLowerCase(Locale.ROOT);
            sb.append(String.format(Locale.ROOT, "  %-7s %-24s %5.1f s  %s%n", status, step.name(),
                    step.durationMs() / 1000.0, step.details()));
            step.failures().forEach(f -> sb.append("          - ").append(f).append('\n'));
        }
        return sb.toString();
    }
}
