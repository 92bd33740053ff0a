package dev.migsafe.verify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import dev.migsafe.secret.MaskedUrl;

/**
 * A throwaway database migsafe may do anything in, and how to get rid of it. Closing it (or the
 * JVM exiting, Ctrl-C included) stops the server or drops the scratch database, exactly once.
 *
 * @see ExitCleanup
 */
final class ScratchDatabase implements AutoCloseable {

    /**
     * The application name of migsafe's sessions; the process id keeps runs sharing a server apart.
     * The watchdog watches these sessions only: it never touches what others run.
     */
    static final String APPLICATION = "migsafe " + ProcessHandle.current().pid();

    private final String mode;
    private final ServerKind kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String schema;
    private final ExitCleanup cleanup;

    /**
     * @param schema  the scratch schema when migsafe works in a schema of an existing database
     *                (PostgreSQL), or null for the connection's default
     * @param destroy stops the server or drops the scratch database
     */
    ScratchDatabase(String mode, ServerKind kind, String jdbcUrl, String user, String password, String schema,
                    AutoCloseable destroy) {
        this.mode = mode;
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.cleanup = ExitCleanup.register(destroy, "scratch database " + new MaskedUrl(jdbcUrl));
    }

    String mode() {
        return mode;
    }

    ServerKind kind() {
        return kind;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The URL for a migration tool that connects by itself (Flyway), naming its sessions
     * {@code application} on PostgreSQL so the watchdog can tell them apart.
     */
    String jdbcUrlAs(String application) {
        if (!kind.isPostgres()) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName="
                + URLEncoder.encode(application, StandardCharsets.UTF_8);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The scratch schema, or null when the whole database is scratch. */
    String schema() {
        return schema;
    }

    /** A connection of migsafe's own, named so that the watchdog tells it from other sessions. */
    Connection connect() throws SQLException {
        return connectAs(APPLICATION);
    }

    /** A connection that shows {@code application} as its application name (PostgreSQL). */
    Connection connectAs(String application) throws SQLException {
        Properties props = new Properties();
        if (kind.isPostgres()) {
            props.setProperty("ApplicationName", application);
        }
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** "PostgreSQL 16.4", "MariaDB 10.11.6", as the server reports itself. */
    String describe() {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            String version = md.getDatabaseProductVersion();
            // "16.4 (Debian 16.4-1)", "10.11.6-MariaDB-0+deb12u1", "8.4.0": keep the number
            String number = version.split("[ \\-]")[0];
            return md.getDatabaseProductName() + " " + number;
        } catch (SQLException e) {
            return kind.displayName();
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
