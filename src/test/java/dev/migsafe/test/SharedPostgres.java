package dev.migsafe.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL for every test of the JVM that needs a server of its own to talk to (a
 * stand-in for the user's server, a history to read): starting one costs seconds, so it is started
 * once, on first use, and stopped by zonky's shutdown hook when the JVM ends. Tests sharing it create
 * their own roles and databases under names no other test uses, and never stop it. Tests of migsafe's
 * own embedded start-up and shutdown ({@code --verify embedded}) do not use it.
 */
public final class SharedPostgres {
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL for the tests did not start", e);
            }
        }
        return server;
    }
}
