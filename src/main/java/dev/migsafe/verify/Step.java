package dev.migsafe.verify;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The outcome of one verification step.
 *
 * @param name       what the step does ("apply range")
 * @param status     passed, failed or skipped
 * @param durationMs wall time of the step
 * @param details    one or two sentences: what was done, or why it was skipped or failed
 * @param failures   one line per problem found (a failing statement, a missing column, a failing
 *                   old-release test, a schema difference); empty when passed or skipped
 */
public record Step(String name, Status status, long durationMs, String details, List<String> failures) {

    public enum Status { PASSED, FAILED, SKIPPED }

    public Step {
        failures = List.copyOf(failures);
    }

    public static Step passed(String name, long durationMs, String details) {
        return new Step(name, Status.PASSED, durationMs, details, List.of());
    }

    public static Step failed(String name, long durationMs, String details, List<String> failures) {
        return new Step(name, Status.FAILED, durationMs, details, failures);
    }

    public static Step skipped(String name, String reason) {
        return new Step(name, Status.SKIPPED, 0, reason, List.of());
    }

    /** The same step with {@code edit} applied to every text it carries (to mask secrets). */
    public Step withText(UnaryOperator<String> edit) {
        return new Step(name, status, durationMs, edit.apply(details), failures.stream().map(edit).toList());
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }
}
