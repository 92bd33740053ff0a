package dev.migsafe.sql;

import java.util.List;

/**
 * An inline suppression comment: {@code -- migsafe:ignore RULE[,RULE...] reason} just before a
 * statement, or {@code -- migsafe:ignore-file RULE[,RULE...] reason} in the leading comment block of
 * a file.
 *
 * @param ruleIds the rule IDs it silences (upper case)
 * @param reason  the reason text, or {@code null} when the author gave none (then it silences nothing
 *                and is reported itself)
 * @param line    line of the comment in its file
 * @param scope   what it covers
 */
public record Suppression(List<String> ruleIds, String reason, int line, Scope scope) {

    public enum Scope {
        /** {@code migsafe:ignore}: findings of the statement that follows. */
        STATEMENT,
        /** {@code migsafe:ignore-file} in the file's leading comment block: every finding of the file. */
        FILE,
        /** {@code migsafe:ignore-file} after the first statement: silences nothing, and is reported. */
        MISPLACED_FILE
    }

    /** A statement-level suppression. */
    public Suppression(List<String> ruleIds, String reason, int line) {
        this(ruleIds, reason, line, Scope.STATEMENT);
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public boolean covers(String ruleId) {
        return ruleIds.contains(ruleId);
    }

    /** The comment as its author wrote the directive, for messages. */
    public String directive() {
        return (scope == Scope.STATEMENT ? "migsafe:ignore " : "migsafe:ignore-file ") + String.join(",", ruleIds);
    }
}
