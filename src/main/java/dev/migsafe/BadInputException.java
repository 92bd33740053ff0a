package dev.migsafe;

/**
 * A problem with what the user gave us (a path, a file, a release name, an option). The CLI prints
 * the message as one line and exits with code 2, without a stack trace. The message names the
 * file (and line when there is one) and says what to do.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
