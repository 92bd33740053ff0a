package dev.migsafe.verify;

/**
 * Live progress of a verification, for the CLI's progress display. Called from the verifying
 * thread, in order: {@code stepStarted}, any number of {@code message}s, {@code stepFinished}.
 */
public interface ProgressListener {

    void stepStarted(String name);

    void stepFinished(Step step);

    /** Something worth showing while a step runs ("starting PostgreSQL container postgres:16"). */
    void message(String text);

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
