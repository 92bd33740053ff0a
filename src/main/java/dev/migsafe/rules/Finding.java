package dev.migsafe.rules;

/**
 * One problem found. Field names are those of the JSON report.
 *
 * @param object            "table" or "table.column" (or the view, type, function name)
 * @param statement         the statement, on one line
 * @param suppressionReason the reason of the {@code migsafe:ignore} comment that silenced it, or null
 */
public record Finding(String ruleId, String name, Category category, Severity severity, String file, int line,
                      String object, String statement, String message, String fix, boolean suppressed,
                      String suppressionReason) {

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, name, category, s, file, line, object, statement, message, fix, suppressed,
                suppressionReason);
    }

    public Finding suppressedBecause(String reason) {
        return new Finding(ruleId, name, category, severity, file, line, object, statement, message, fix, true,
                reason);
    }

    /** Counts toward the verdict and exit code. */
    public boolean isActive() {
        return !suppressed;
    }
}
