package dev.migsafe.verify;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that need a Docker engine: skipped with a clear message when none answers (a laptop
 * without Docker), but failed when MIGSAFE_REQUIRE_DOCKER=true (CI), so that a broken Docker setup
 * can never pass as a green build of skipped tests.
 */
final class DockerCondition implements ExecutionCondition, BeforeAllCallback {

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("MIGSAFE_REQUIRE_DOCKER"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestcontainersProvider.dockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        if (required()) {
            return ConditionEvaluationResult.enabled("MIGSAFE_REQUIRE_DOCKER=true: running to fail");
        }
        return ConditionEvaluationResult.disabled("no Docker engine answers: Docker tests skipped"
                + " (set MIGSAFE_REQUIRE_DOCKER=true to make this a failure)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!TestcontainersProvider.dockerAvailable()) {
            throw new AssertionError("MIGSAFE_REQUIRE_DOCKER=true but no Docker engine answers;"
                    + " run ../shared/recipes/offline-docker/build-images.sh (see .ci/run)");
        }
    }
}
