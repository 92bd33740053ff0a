package dev.migsafe.verify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
    private final List<String> schemas;
    private final ExitCleanup cleanup;
    /** The whole database is migsafe's (not a schema of a shared one): it may be copied. */
    private final boolean wholeDatabase;

    /**
     * @param schema  the scratch schema when migsafe works in a schema of an existing database
     *                (PostgreSQL), or null for the connection's default
     * @param destroy stops the server or drops the scratch database
     */
    ScratchDatabase(String mode, ServerKind kind, String jdbcUrl, String user, String password, String schema,
                    AutoCloseable destroy) {
        this(mode, kind, jdbcUrl, user, password, schema == null ? List.of() : List.of(schema),
                ExitCleanup.register(destroy, "scratch database " + new MaskedUrl(jdbcUrl)), schema == null);
    }

    private ScratchDatabase(String mode, ServerKind kind, String jdbcUrl, String user, String password,
                            List<String> schemas, ExitCleanup cleanup, boolean wholeDatabase) {
        this.mode = mode;
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.schemas = schemas;
        this.cleanup = cleanup;
        this.wholeDatabase = wholeDatabase;
    }

    /**
     * The same database with the project's own schemas (Flyway's {@code schemas}) created and every
     * session's search path set to the first, as the project's Flyway sets it while migrating, so that
     * seeding, snapshots, the contract and the older release's tests see what the migrations built.
     * Only where the whole database is scratch: in a schema of a shared database (or on MySQL, where a
     * schema is a database) creating the project's schemas could touch real ones, so this database
     * stays as it is.
     */
    ScratchDatabase inSchemas(List<String> projectSchemas) throws SQLException {
        if (projectSchemas.isEmpty() || !schemas.isEmpty() || !kind.isPostgres()) {
            return this;
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String name : projectSchemas) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + kind.quote(name));
            }
        }
        // pgjdbc puts currentSchema into search_path as written: quoted, so that any name stays one name
        String searchPath = URLEncoder.encode(kind.quote(projectSchemas.get(0)), StandardCharsets.UTF_8);
        return new ScratchDatabase(mode, kind, JdbcUrls.withParameter(jdbcUrl, "currentSchema", searchPath), user,
                password, List.copyOf(projectSchemas), cleanup, wholeDatabase);
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

    /** The schema unqualified names land in, or null for the connection's default. */
    String schema() {
        return schemas.isEmpty() ? null : schemas.get(0);
    }

    /** The schemas the migrations work in, the default first; empty for the connection's default. */
    List<String> schemas() {
        return schemas;
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

    /**
     * PostgreSQL: a copy of this database ({@code CREATE DATABASE ... TEMPLATE}), dropped when closed, or null
     * when the server refuses one (no CREATEDB right, another session connected to this database). The
     * statement is sent from another database of the server, as a template may have no session.
     */
    ScratchDatabase copy(String name) {
        if (!kind.isPostgres() || !wholeDatabase) {
            return null; // a schema of a shared database: copying that database is not migsafe's to do
        }
        try (Connection own = connect(); Statement st = own.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            String source = rs.getString(1);
            String other = JdbcUrls.withDatabase(jdbcUrl, source.equals("postgres") ? "template1" : "postgres");
            own.close();
            // only connected to, never closed: closing it would run this database's cleanup
            ScratchDatabase maintenance = new ScratchDatabase(mode, kind, other, user, password, schemas, cleanup, false);
            try (Connection c = maintenance.connect(); Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + kind.quote(name) + " TEMPLATE " + kind.quote(source));
            }
            AutoCloseable drop = () -> {
                // sessions left on it go first (DROP ... WITH (FORCE) does that only from PostgreSQL 13)
                try (Connection c = maintenance.connect(); Statement d = c.createStatement();
                     java.sql.PreparedStatement end = c.prepareStatement("SELECT pg_terminate_backend(pid)"
                             + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    end.setString(1, name);
                    end.execute();
                    d.execute("DROP DATABASE IF EXISTS " + kind.quote(name));
                }
            };
            return new ScratchDatabase(mode, kind, JdbcUrls.withDatabase(jdbcUrl, name), user, password, schemas,
                    ExitCleanup.register(drop, "lock trace copy " + name), false);
        } catch (SQLException e) {
            return null;
        }
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
