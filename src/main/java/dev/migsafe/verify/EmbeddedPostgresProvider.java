package dev.migsafe.verify;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL binaries from Maven Central (zonky), unpacked to a temp directory and started on a
 * free port: verification without Docker. The PostgreSQL major comes from the binaries BOM in the pom.
 */
final class EmbeddedPostgresProvider implements DatabaseProvider {

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public ScratchDatabase start(ServerKind kind, ProgressListener progress) {
        if (!kind.isPostgres()) {
            throw new VerificationUnavailableException("embedded verification runs PostgreSQL only; "
                    + kind.displayName() + " needs Docker (--verify testcontainers) or a server (--verify jdbc:...)");
        }
        progress.message("starting embedded PostgreSQL");
        EmbeddedPostgres postgres;
        try {
            // A throwaway server: durability costs time and buys nothing
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new VerificationUnavailableException("embedded PostgreSQL could not start: " + Errors.message(e), e);
        }
        return new ScratchDatabase(mode(), kind, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                null, postgres);
    }
}
