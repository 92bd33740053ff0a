package dev.migsafe.sql;

import java.util.List;

import dev.migsafe.change.Change;

/**
 * A statement with what it does. A statement migsafe could not understand has no changes and a
 * {@code problem}; it is reported as PS501, never skipped silently.
 *
 * @param statement the statement as split
 * @param changes   its effects in order (one ALTER TABLE may yield several)
 * @param problem   why it was not understood, or null when it was
 */
public record ParsedStatement(SqlStatement statement, List<Change> changes, String problem) {

    public static ParsedStatement understood(SqlStatement statement, List<Change> changes) {
        return new ParsedStatement(statement, List.copyOf(changes), null);
    }

    public static ParsedStatement notUnderstood(SqlStatement statement, String problem) {
        return new ParsedStatement(statement, List.of(), problem);
    }

    public boolean isUnderstood() {
        return problem == null;
    }
}
