package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;


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

    @Test
    void anImageThatCannotBePulledIsUnavailableAndAutoFallsBackToEmbedded() {
        // no environment: MIGSAFE_POSTGRES_IMAGE (set in CI) would replace the missing image
        VerifySettings missing = VerifySettings.defaults().withImages("migsafe-test/no-such-image:0", null, null);

        VerificationUnavailableException e = assertThrows(VerificationUnavailableException.class,
                () -> new Verifier().run(new VerifyRequest(Dialect.POSTGRESQL, List.of(), List.of(), "testcontainers",
                        missing), ProgressListener.NONE, Map.of()));
        assertTrue(e.getMessage().startsWith("cannot pull migsafe-test/no-such-image:0"), e.getMessage());

        Verification v = new Verifier().run(new VerifyRequest(Dialect.POSTGRESQL, olderRelease(), List.of(), "auto",
                missing), ProgressListener.NONE, Map.of());
        assertEquals("embedded", v.mode());
    }
}
