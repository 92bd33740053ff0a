package dev.migsafe.verify;

/**
 * The database the user explicitly asked for cannot be had (--verify testcontainers without a
 * Docker engine, an unreachable JDBC URL, a JDBC database that holds tables migsafe did not create).
 * The CLI prints the message and exits with code 3.
 */
public class VerificationUnavailableException extends RuntimeException {
    public VerificationUnavailableException(String message) {
        super(message);
    }

    public VerificationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
