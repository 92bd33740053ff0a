package dev.migsafe.verify;

import java.util.List;

/** What a step found, before the runner adds its name and duration. */
record StepOutcome(Step.Status status, String details, List<String> failures) {

    StepOutcome {
        failures = List.copyOf(failures);
    }

    static StepOutcome passed(String details) {
        return new StepOutcome(Step.Status.PASSED, details, List.of());
    }

    static StepOutcome failed(String details, List<String> failures) {
        return new StepOutcome(Step.Status.FAILED, details, failures);
    }

    static StepOutcome skipped(String reason) {
        return new StepOutcome(Step.Status.SKIPPED, reason, List.of());
    }
}
