package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.migsafe.BadInputException;
import dev.migsafe.secret.MaskedUrl;

/**
 * An existing server the user provides. migsafe never works in the user's own tables: it creates a
 * scratch database {@code migsafe_<random>} and drops it afterwards. When the user may not create
 * databases it falls back to the given database, but only when that database holds no tables
 * (PostgreSQL: in a scratch schema inside it); otherwise it refuses.
 */
final class JdbcUrlProvider implements DatabaseProvider {

    private final String url;
    private final String user;
    private final String password;

    JdbcUrlProvider(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String mode() {
        return "jdbc";
    }

    /** The kind of server the URL names; a URL migsafe cannot use is a user error. */
    ServerKind kind() {
        ServerKind kind = ServerKind.ofJdbcUrl(url);
        if (kind == null) {
            throw new BadInputException("--verify " + new MaskedUrl(url)
                    + ": not a jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb: URL");
        }
        return kind;
    }

    @Override
    public void check(ServerKind requested) {
        ServerKind kind = kind();
        if (kind.dialect() != requested.dialect()) {
            throw new BadInputException("--verify " + new MaskedUrl(url) + " is a " + kind.displayName()
                    + " server but the dialect is " + requested.dialect() + ": use --dialect " + kind.dialect());
        }
    }

    @Override
    public ScratchDatabase start(ServerKind requested, ProgressListener progress) {
        check(requested);
        ServerKind kind = kind();
        String scratch = "migsafe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        progress.message("creating scratch database " + scratch + " on " + new MaskedUrl(url));
        try (Connection admin = connect(url)) {
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + kind.quote(scratch));
                return new ScratchDatabase(mode(), kind, JdbcUrls.withDatabase(url, scratch), user, password, null,
                        () -> dropDatabase(kind, scratch));
            } catch (SQLException denied) {
                return inGivenDatabase(admin, kind, scratch, denied);
            }
        } catch (SQLException e) {
            throw new VerificationUnavailableException("cannot connect to " + new MaskedUrl(url) + ": "
                    + Errors.message(e), e);
        }
    }

    /** Fallback when CREATE DATABASE is not allowed: the given database, only if it is empty. */
    private ScratchDatabase inGivenDatabase(Connection admin, ServerKind kind, String scratch, SQLException denied)
            throws SQLException {
        String database = admin.getCatalog();
        List<String> tables = userTables(admin, kind);
        if (!tables.isEmpty()) {
            throw new VerificationUnavailableException("migsafe may not create a scratch database ("
                    + Errors.message(denied) + ") and database '" + database + "' already holds tables it did not create ("
                    + String.join(", ", tables) + "); give the URL of an empty database, or a user allowed to create databases");
        }
        if (kind.isPostgres()) {
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE SCHEMA " + kind.quote(scratch));
            }
            return new ScratchDatabase(mode(), kind, JdbcUrls.withParameter(url, "currentSchema", scratch), user,
                    password, scratch, () -> execute(url, "DROP SCHEMA " + kind.quote(scratch) + " CASCADE"));
        }
        return new ScratchDatabase(mode(), kind, url, user, password, null, () -> emptyMysqlDatabase(kind));
    }

    /**
     * Up to five qualified names of tables, views and sequences in the database, system schemas
     * excluded, whoever may read them: PostgreSQL's catalog shows every relation (information_schema
     * only those the user has rights on); on MySQL/MariaDB, information_schema is complete only for a
     * user with database-wide SELECT, so without it the database cannot be shown to be empty.
     */
    private static List<String> userTables(Connection c, ServerKind kind) throws SQLException {
        if (!kind.isPostgres() && !mysqlSeesEveryTable(c)) {
            throw new VerificationUnavailableException("migsafe may not create a scratch database and cannot tell"
                    + " whether database '" + c.getCatalog() + "' is empty (the user may see only some of its tables:"
                    + " no database-wide SELECT); give the URL of an empty database with a user that has all"
                    + " privileges on it, or a user allowed to create databases");
        }
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 1";
            case MYSQL, MARIADB -> "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1";
        };
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next() && names.size() < 5) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new VerificationUnavailableException("migsafe may not create a scratch database and cannot read"
                    + " what database '" + c.getCatalog() + "' holds (" + Errors.message(e) + "); give the URL of an"
                    + " empty database, or a user allowed to create databases", e);
        }
        return names;
    }

    /** Whether the user holds SELECT on every table of the current database (globally or on the database). */
    private static boolean mysqlSeesEveryTable(Connection c) throws SQLException {
        String grantee = "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";
        String sql = "SELECT 1 FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE = 'SELECT' AND GRANTEE = " + grantee
                + " UNION ALL SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES WHERE PRIVILEGE_TYPE = 'SELECT'"
                + " AND DATABASE() LIKE TABLE_SCHEMA AND GRANTEE = " + grantee;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    private void dropDatabase(ServerKind kind, String scratch) throws SQLException {
        try (Connection admin = connect(url); Statement st = admin.createStatement()) {
            if (kind.isPostgres()) {
                // connections left open by the old-release tests would block the DROP
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = '" + scratch + "' AND pid <> pg_backend_pid()");
            }
            st.execute("DROP DATABASE " + kind.quote(scratch));
        }
    }

    /** The database was empty before migsafe came: drop everything now in it. */
    private void emptyMysqlDatabase(ServerKind kind) throws SQLException {
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            List<String[]> objects = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, table_type FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    objects.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String[] o : objects) {
                st.execute("DROP " + (o[1].contains("VIEW") ? "VIEW " : "TABLE ") + kind.quote(o[0]));
            }
        }
    }

    private void execute(String target, String sql) throws SQLException {
        try (Connection c = connect(target); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Connection connect(String target) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(target, props);
    }
}
