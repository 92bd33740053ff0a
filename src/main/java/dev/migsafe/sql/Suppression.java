package dev.migsafe.sql;

import java.util.List;

/**
 * An inline {@code -- migsafe:ignore RULE[,RULE...] reason} comment that precedes a statement.
 *
 * @param ruleIds the rule IDs it silences (upper case)
 * @param reason  the reason text, or {@code null} when the author gave none (then it silences nothing
 *                and is reported itself)
 * @param line    line of the comment in its file
 */
public record Suppression(List<String> ruleIds, String reason, int line) {
    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public boolean covers(String ruleId) {
        return ruleIds.contains(ruleId);
    }
}
