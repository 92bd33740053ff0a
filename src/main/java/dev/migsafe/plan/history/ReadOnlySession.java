package dev.migsafe.plan.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migsafe.BadInputException;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.secret.MaskedUrl;

/**
 * A connection to the user's (production) database that cannot write: the session is set read-only
 * and then checked to be so before anything is read. Any failure names the URL with its password masked.
 */
public final class ReadOnlySession implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private final MaskedUrl url;

    private ReadOnlySession(Connection connection, Dialect dialect, MaskedUrl url) {
        this.connection = connection;
        this.dialect = dialect;
        this.url = url;
    }

    /** @throws BadInputException when the URL is not usable or the session would not become read-only */
    public static ReadOnlySession open(String jdbcUrl) {
        MaskedUrl url = new MaskedUrl(jdbcUrl);
        Dialect dialect = dialectOf(jdbcUrl, url);
        Connection c;
        try {
            DriverManager.setLoginTimeout(15);
            c = DriverManager.getConnection(url.raw());
        } catch (SQLException e) {
            throw new BadInputException("--history-url " + url + ": cannot connect (" + url.scrub(e.getMessage()) + ")");
        }
        try {
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                for (String setup : dialect.server().readOnlySessionSetup()) {
                    st.execute(setup);
                }
            }
            c.setAutoCommit(false);
            ReadOnlySession session = new ReadOnlySession(c, dialect, url);
            if (!session.isReadOnly()) {
                throw new BadInputException("--history-url " + url + ": the session did not become read-only; "
                        + "migsafe reads the history only over a read-only session (use a read-only user or replica)");
            }
            return session;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new BadInputException("--history-url " + url + ": cannot set up a read-only session ("
                    + url.scrub(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static Dialect dialectOf(String jdbcUrl, MaskedUrl url) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            return Dialect.MYSQL;
        }
        throw new BadInputException("--history-url " + url + ": use a jdbc:postgresql://, jdbc:mysql:// or jdbc:mariadb:// URL");
    }

    /** Asks the server itself: {@code SHOW transaction_read_only} / {@code SELECT @@transaction_read_only}. */
    public boolean isReadOnly() throws SQLException {
        try (Statement st = connection.createStatement()) {
            return switch (dialect) {
                case POSTGRESQL -> postgresReadOnly(st);
                case MYSQL -> mysqlReadOnly(st);
            };
        }
    }

    private static boolean postgresReadOnly(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW transaction_read_only")) {
            return rs.next() && "on".equalsIgnoreCase(rs.getString(1));
        }
    }

    private boolean mysqlReadOnly(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT @@transaction_read_only")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException unknownVariable) {
            // MariaDB before 11.1 and MySQL 5.x know it as tx_read_only
            connection.rollback();
            try (ResultSet rs = st.executeQuery("SELECT @@tx_read_only")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    public MaskedUrl url() {
        return url;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            c.close();
        } catch (SQLException e) {
            // nothing was written; closing is best effort
        }
    }
}
