package dev.migsafe.verify;

import dev.migsafe.secret.Redactor;

/** Passes progress on with the user's secrets masked: step texts quote database errors and test output. */
final class RedactingProgress implements ProgressListener {
    private final ProgressListener next;
    private final Redactor redactor;

    RedactingProgress(ProgressListener next, Redactor redactor) {
        this.next = next;
        this.redactor = redactor;
    }

    @Override
    public void stepStarted(String name) {
        next.stepStarted(name);
    }

    @Override
    public void stepFinished(Step step) {
        next.stepFinished(step.withText(redactor::scrub));
    }

    @Override
    public void message(String text) {
        next.message(redactor.scrub(text));
    }

    @Override
    public void migration(int n, int total, String path) {
        next.migration(n, total, redactor.scrub(path));
    }

    @Override
    public void statement(String statement, long runningMs) {
        next.statement(redactor.scrub(statement), runningMs);
    }
}
