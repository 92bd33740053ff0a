package dev.migsafe.cli;

/** Exit codes of DESIGN.md. */
final class ExitCode {
    static final int GO = 0;
    static final int NO_GO = 1;
    static final int BAD_INPUT = 2;
    static final int VERIFICATION_UNAVAILABLE = 3;

    private ExitCode() {
    }
}
