package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.sql.Dialect;

/** Every scenario on a PostgreSQL container (local/postgres:15 in CI, postgres:16 elsewhere). */
@RequiresDocker
class TestcontainersPostgresVerifierTest extends VerifierScenarios {

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String target() {
        return "testcontainers";
    }

    @Override
    VerifySettings settings() {
        return TestImages.settings();
    }

    @Test
    void autoPrefersTestcontainersWhenDockerAnswers() {
        Verification v = new Verifier().run(new VerifyRequest(Dialect.POSTGRESQL, olderRelease(), List.of(), "auto",
                settings()), ProgressListener.NONE);
        assertEquals("testcontainers", v.mode());
        assertEquals(Step.Status.PASSED, step(v, Verifier.APPLY_OLDER).status());
    }
}
