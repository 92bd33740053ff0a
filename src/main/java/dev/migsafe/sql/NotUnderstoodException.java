package dev.migsafe.sql;

/**
 * Thrown by a reader when a statement is outside what it understands; the message becomes the
 * {@link ParsedStatement#problem()} (reported as PS501).
 */
final class NotUnderstoodException extends RuntimeException {
    NotUnderstoodException(String reason) {
        super(reason, null, false, false);
    }
}
