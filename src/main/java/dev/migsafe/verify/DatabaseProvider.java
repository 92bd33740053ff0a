package dev.migsafe.verify;

/** Brings up a scratch database of a given kind. */
interface DatabaseProvider {

    /** testcontainers, embedded or jdbc, as reported in {@link Verification#mode()}. */
    String mode();

    /**
     * @throws VerificationUnavailableException when this provider cannot give that kind of database
     *                                          here (no Docker, not PostgreSQL, unreachable server)
     */
    ScratchDatabase start(ServerKind kind, ProgressListener progress);
}
