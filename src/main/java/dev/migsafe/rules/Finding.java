package dev.migsafe.rules;

/**
 * One problem found. Field names are those of the JSON report.
 *
 * @param object            "table" or "table.column" (or the view, type, function name)
 * @param statement         the statement, on one line
 * @param suppressionReason the reason of the {@code migsafe:ignore} comment that silenced it, or null
 * @param baselined         recorded in the project's baseline (an accepted, known finding): reported,
 *                          but like a suppressed one it does not count toward the verdict or exit code
 * @param usage             where the older release's code uses the object (empty when its code was not read
 *                          or does not use it)
 */
public record Finding(String ruleId, String name, Category category, Severity severity, String file, int line,
                      String object, String statement, String message, String fix, boolean suppressed,
                      String suppressionReason, boolean baselined, java.util.List<Usage> usage) {

    /** One place of the older release's code that uses the finding's object. */
    public record Usage(String file, int line, String kind, String text) {
    }

    public Finding {
        usage = usage == null ? java.util.List.of() : java.util.List.copyOf(usage);
    }

    public Finding(String ruleId, String name, Category category, Severity severity, String file, int line,
                   String object, String statement, String message, String fix, boolean suppressed,
                   String suppressionReason, boolean baselined) {
        this(ruleId, name, category, severity, file, line, object, statement, message, fix, suppressed,
                suppressionReason, baselined, java.util.List.of());
    }

    /** A finding as rules report it: neither suppressed nor baselined yet. */
    public Finding(String ruleId, String name, Category category, Severity severity, String file, int line,
                   String object, String statement, String message, String fix, boolean suppressed,
                   String suppressionReason) {
        this(ruleId, name, category, severity, file, line, object, statement, message, fix, suppressed,
                suppressionReason, false);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, name, category, s, file, line, object, statement, message, fix, suppressed,
                suppressionReason, baselined, usage);
    }

    /** The finding judged by the older release's code: its severity, message and the uses found. */
    public Finding judgedByCode(Severity s, String newMessage, java.util.List<Usage> uses) {
        return new Finding(ruleId, name, category, s, file, line, object, statement, newMessage, fix, suppressed,
                suppressionReason, baselined, uses);
    }

    public Finding suppressedBecause(String reason) {
        return new Finding(ruleId, name, category, severity, file, line, object, statement, message, fix, true,
                reason, baselined, usage);
    }

    public Finding markBaselined() {
        return new Finding(ruleId, name, category, severity, file, line, object, statement, message, fix, suppressed,
                suppressionReason, true, usage);
    }

    /** Counts toward the verdict and exit code. */
    public boolean isActive() {
        return !suppressed && !baselined;
    }
}
