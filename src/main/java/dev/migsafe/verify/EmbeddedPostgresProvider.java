package dev.migsafe.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

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
        // Our own data directory inside this run's ledger folder, and its removal registered before the
        // server starts: stopping migsafe while it starts (or a SIGKILL, for the next run) leaves nothing.
        RunLedger ledger = RunLedger.current();
        Path dataDir;
        try {
            dataDir = ledger.embeddedDataDirectory();
        } catch (IOException e) {
            throw new VerificationUnavailableException("embedded PostgreSQL could not start: " + Errors.message(e), e);
        }
        AtomicReference<EmbeddedPostgres> started = new AtomicReference<>();
        ExitCleanup removal = ExitCleanup.register(() -> {
            try {
                if (started.get() != null) {
                    started.get().close();
                }
            } finally {
                Leftovers.stopStartingPostgres(dataDir); // whatever a start cut short left: initdb, server, files
                ledger.removeIfEmpty();
            }
        }, "embedded PostgreSQL in " + dataDir);
        try {
            // A throwaway server: durability costs time and buys nothing
            started.set(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException | RuntimeException e) {
            removal.run();
            throw new VerificationUnavailableException("embedded PostgreSQL could not start: " + Errors.message(e), e);
        }
        return new ScratchDatabase(mode(), kind, started.get().getJdbcUrl("postgres", "postgres"), "postgres", "",
                null, removal::run);
    }
}
