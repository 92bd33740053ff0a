package dev.migsafe.verify;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.test.UsesDatabase;

/** Every scenario on embedded PostgreSQL (zonky binaries; no Docker needed). */
@UsesDatabase
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
