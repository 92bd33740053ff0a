package dev.migsafe.verify;

/**
 * Live progress of a verification, for the CLI's progress display. Called in order:
 * {@code stepStarted}, any number of {@code message}s, {@code migration}s and {@code statement}s,
 * {@code stepFinished}; {@code statement} comes from the watchdog's thread, the rest from the
 * verifying thread, so implementations must be thread-safe.
 */
public interface ProgressListener {

    void stepStarted(String name);

    void stepFinished(Step step);

    /** Something worth showing while a step runs ("starting PostgreSQL container postgres:16"). */
    void message(String text);

    /** The step starts applying (or reverting) migration {@code n} of {@code total}, read from {@code path}. */
    default void migration(int n, int total, String path) {
    }

    /** A statement of this run that is still running, as the watchdog sees it on the server (its first line). */
    default void statement(String statement, long runningMs) {
    }

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void stepStarted(String name) {
        }

        @Override
        public void stepFinished(Step step) {
        }

        @Override
        public void message(String text) {
        }
    };
}
