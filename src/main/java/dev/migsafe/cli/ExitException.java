package dev.migsafe.cli;

/** Ends a command with a message on stderr and a given exit code. */
final class ExitException extends RuntimeException {
    private final int code;

    ExitException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
