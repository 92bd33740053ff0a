package dev.migsafe.verify;

/** Brings up a scratch database of a given kind. */
interface DatabaseProvider {

    /** testcontainers, embedded or jdbc, as reported in {@link Verification#mode()}. */
    String mode();

    /**
     * @throws VerificationUnavailableException when this provider cannot give that kind of database
     *                                          here (no Docker, not PostgreSQL, unreachable server)
     */
    /**
     * Checks, before anything starts, that what the user asked for can serve this kind of database.
     *
     * @throws dev.migsafe.BadInputException when it cannot (a URL of another dialect)
     */
    default void check(ServerKind kind) {
    }

    ScratchDatabase start(ServerKind kind, ProgressListener progress);
}
