package dev.migsafe.verify;

import dev.migsafe.dialect.Dialect;

/** Every scenario on embedded PostgreSQL (zonky binaries; no Docker needed). */
class EmbeddedPostgresVerifierTest extends VerifierScenarios {

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String target() {
        return "embedded";
    }
}
