package dev.migsafe.verify;

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
}
