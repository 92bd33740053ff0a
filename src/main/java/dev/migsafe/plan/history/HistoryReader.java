package dev.migsafe.plan.history;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.migsafe.BadInputException;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.dialect.Syntax;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.tool.MigrationTool;

/**
 * Reads the history table of the tool in use (or of any tool found when that one is absent) over a
 * session already checked to be read-only. Only SELECTs; nothing is ever written.
 */
public final class HistoryReader {

    private HistoryReader() {
    }

    /** Opens a read-only session on {@code jdbcUrl}, reads the history, closes the session. */
    public static SchemaHistory read(String jdbcUrl, MigrationTool expected) {
        return read(jdbcUrl, expected, FlywaySettings.DEFAULTS);
    }

    /** As {@link #read(String, MigrationTool)}, looking for Flyway's history under the project's table and schema. */
    public static SchemaHistory read(String jdbcUrl, MigrationTool expected, FlywaySettings flyway) {
        try (ReadOnlySession session = ReadOnlySession.open(jdbcUrl)) {
            return read(session, expected, flyway);
        }
    }

    public static SchemaHistory read(ReadOnlySession session, MigrationTool expected) {
        return read(session, expected, FlywaySettings.DEFAULTS);
    }

    public static SchemaHistory read(ReadOnlySession session, MigrationTool expected, FlywaySettings flyway) {
        try {
            if (!session.isReadOnly()) {
                throw new BadInputException("--history-url " + session.url() + ": the session is not read-only; refusing to read");
            }
            Connection c = session.connection();
            DatabaseMetaData meta = c.getMetaData();
            String database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            Syntax syntax = (meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? Dialect.POSTGRESQL : Dialect.MYSQL).syntax();
            for (MigrationTool tool : candidates(expected)) {
                boolean flywayTable = tool == MigrationTool.FLYWAY;
                Optional<String> table = findTable(meta, flywayTable ? flyway.defaultSchema() : null,
                        flywayTable ? flyway.table() : tool.historyTable(), syntax);
                if (table.isPresent()) {
                    List<HistoryEntry> entries = entries(c, tool, table.get());
                    String zone = tool == MigrationTool.GOLANG_MIGRATE || tool == MigrationTool.DBMATE ? null
                            : ZoneId.systemDefault().getId();
                    return new SchemaHistory(tool, table.get(), database, entries, zone, session.isReadOnly());
                }
            }
            throw new BadInputException("--history-url " + session.url() + ": no migration history table found (looked for "
                    + String.join(", ", candidates(expected).stream().map(t -> t == MigrationTool.FLYWAY
                            ? flyway.historyTable(syntax) : t.historyTable()).distinct().toList())
                    + "); point it at the database the migrations ran on");
        } catch (SQLException e) {
            throw new BadInputException("--history-url " + session.url() + ": cannot read the history ("
                    + session.url().scrub(e.getMessage()) + ")");
        }
    }

    /** The expected tool first, then the others that keep a table. */
    private static List<MigrationTool> candidates(MigrationTool expected) {
        List<MigrationTool> out = new ArrayList<>();
        if (expected != null && expected.historyTable() != null) {
            out.add(expected);
        }
        for (MigrationTool t : MigrationTool.values()) {
            if (t.historyTable() != null && !out.contains(t) && !(t == MigrationTool.DBMATE && out.contains(MigrationTool.GOLANG_MIGRATE))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The table as SQL names it ({@code flyway_schema_history}, {@code app."History"}), looked up as
     * written and upper-cased, in {@code schema} when given (a PostgreSQL schema, a MySQL database).
     */
    private static Optional<String> findTable(DatabaseMetaData meta, String schema, String name, Syntax syntax)
            throws SQLException {
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = schema == null ? meta.getTables(null, null, candidate, new String[]{"TABLE"})
                    : meta.getTables(null, schema, candidate, new String[]{"TABLE"});
                 ResultSet inCatalog = schema == null || rs.isBeforeFirst() ? null
                         : meta.getTables(schema, null, candidate, new String[]{"TABLE"})) {
                ResultSet found = inCatalog != null ? inCatalog : rs;
                if (found.next()) {
                    String table = syntax.identifier(found.getString("TABLE_NAME"));
                    return Optional.of(schema == null ? table : syntax.identifier(schema) + "." + table);
                }
            }
        }
        return Optional.empty();
    }

    private static List<HistoryEntry> entries(Connection c, MigrationTool tool, String table) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            switch (tool) {
                case FLYWAY -> {
                    try (ResultSet rs = st.executeQuery("SELECT version, description, installed_on, execution_time, success FROM "
                            + table + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
                        while (rs.next()) {
                            out.add(new HistoryEntry(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                                    rs.getLong(4), rs.getBoolean(5), null));
                        }
                    }
                }
                case LIQUIBASE -> {
                    try (ResultSet rs = st.executeQuery("SELECT filename, id, author, dateexecuted, tag, exectype FROM "
                            + table + " ORDER BY orderexecuted")) {
                        while (rs.next()) {
                            String key = rs.getString(1) + "::" + rs.getString(2) + "::" + rs.getString(3);
                            out.add(new HistoryEntry(key, rs.getString(2), instant(rs.getTimestamp(4)), null,
                                    !"FAILED".equalsIgnoreCase(rs.getString(6)), rs.getString(5)));
                        }
                    }
                }
                case GOLANG_MIGRATE -> {
                    // one row: the current version and whether the last migration failed halfway
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        boolean hasDirty = hasColumn(rs, "dirty");
                        while (rs.next()) {
                            out.add(new HistoryEntry(rs.getString("version"), null, null, null,
                                    !hasDirty || !rs.getBoolean("dirty"), null));
                        }
                    }
                }
                case DBMATE -> {
                    try (ResultSet rs = st.executeQuery("SELECT version FROM " + table + " ORDER BY version")) {
                        while (rs.next()) {
                            out.add(new HistoryEntry(rs.getString(1), null, null, null, true, null));
                        }
                    }
                }
                case DIESEL -> {
                    try (ResultSet rs = st.executeQuery("SELECT version, run_on FROM " + table + " ORDER BY version")) {
                        while (rs.next()) {
                            out.add(new HistoryEntry(rs.getString(1), null, instant(rs.getTimestamp(2)), null, true, null));
                        }
                    }
                }
                default -> throw new IllegalStateException("no history table for " + tool);
            }
        }
        return out;
    }

    private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnName(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** Timestamps without time zone are read in the JVM's zone, the zone the JDBC session uses. */
    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
