package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB: information_schema.PROCESSLIST for the sessions, performance_schema's metadata
 * locks for who blocks whom when the server keeps them (MySQL 8 does by default; MariaDB only with
 * performance_schema on). Without them, the blockers are the other sessions that could hold the lock.
 * Metadata-lock waits are the ones to watch: they wait for lock_wait_timeout (a year by default),
 * while InnoDB row locks give up after innodb_lock_wait_timeout (50 s) on their own.
 */
final class MysqlSessions implements SessionProbe {

    /** This run's sessions: in the scratch database, as its user, other than the asking one. */
    private static final String OURS = "DB = DATABASE() AND ID <> CONNECTION_ID()"
            + " AND USER = SUBSTRING_INDEX(CURRENT_USER(), '@', 1)";

    private static final String SESSIONS = "SELECT ID, COMMAND, STATE, TIME, INFO FROM information_schema.PROCESSLIST"
            + " WHERE " + OURS + " ORDER BY ID";

    private static final String MDL_BLOCKERS = "SELECT DISTINCT ht.PROCESSLIST_ID"
            + " FROM performance_schema.metadata_locks w"
            + " JOIN performance_schema.threads wt ON wt.THREAD_ID = w.OWNER_THREAD_ID"
            + " JOIN performance_schema.metadata_locks h ON h.OBJECT_TYPE = w.OBJECT_TYPE"
            + "  AND h.OBJECT_SCHEMA <=> w.OBJECT_SCHEMA AND h.OBJECT_NAME <=> w.OBJECT_NAME"
            + "  AND h.LOCK_STATUS = 'GRANTED' AND h.OWNER_THREAD_ID <> w.OWNER_THREAD_ID"
            + " JOIN performance_schema.threads ht ON ht.THREAD_ID = h.OWNER_THREAD_ID"
            + " WHERE w.LOCK_STATUS = 'PENDING' AND wt.PROCESSLIST_ID = ?";

    private static final String LAST_STATEMENT = "SELECT e.SQL_TEXT FROM performance_schema.events_statements_current e"
            + " JOIN performance_schema.threads t ON t.THREAD_ID = e.THREAD_ID WHERE t.PROCESSLIST_ID = ?";

    private record Row(String id, String command, String state, long seconds, String info) {

        boolean waitsForLock() {
            return command.equals("Query") && state.startsWith("Waiting for ") && state.contains("lock");
        }

        LockWait.Session session(String lastStatement) {
            return new LockWait.Session(id, "", command + (state.isBlank() ? "" : " (" + state + ")"), seconds * 1000,
                    info != null ? info : lastStatement);
        }
    }

    @Override
    public List<Waiting> waiting(Connection c) throws SQLException {
        List<Row> rows = sessions(c);
        List<Waiting> waiting = new ArrayList<>();
        for (Row row : rows) {
            if (!row.waitsForLock()) {
                continue;
            }
            List<String> holders = metadataLockHolders(c, row.id());
            List<LockWait.Session> blockers = new ArrayList<>();
            for (Row other : rows) {
                boolean holds = holders == null ? !other.waitsForLock() : holders.contains(other.id());
                if (!other.id().equals(row.id()) && holds) {
                    blockers.add(other.session(lastStatement(c, other.id())));
                }
            }
            waiting.add(new Waiting(row.id() + ":" + row.info(), row.id(), row.info(), row.state(), blockers,
                    holders != null));
        }
        return waiting;
    }

    @Override
    public List<Running> running(Connection c) throws SQLException {
        List<Running> running = new ArrayList<>();
        for (Row row : sessions(c)) {
            if (row.command().equals("Query") && row.info() != null) {
                running.add(new Running(row.info(), row.seconds() * 1000));
            }
        }
        return running;
    }

    @Override
    public void cancel(Connection c, String id) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("KILL QUERY " + Long.parseLong(id));
        }
    }

    @Override
    public void stopAll(Connection c) throws SQLException {
        for (Row row : sessions(c)) {
            try (Statement st = c.createStatement()) {
                st.execute("KILL CONNECTION " + Long.parseLong(row.id()));
            } catch (SQLException gone) {
                // ended by itself meanwhile
            }
        }
    }

    private static List<Row> sessions(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SESSIONS)) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), nonNull(rs.getString(2)), nonNull(rs.getString(3)), rs.getLong(4),
                        rs.getString(5)));
            }
        }
        return rows;
    }

    /** Who holds the metadata lock the session waits for, or null when performance_schema does not say. */
    private static List<String> metadataLockHolders(Connection c, String id) {
        List<String> holders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(MDL_BLOCKERS)) {
            ps.setLong(1, Long.parseLong(id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.add(rs.getString(1));
                }
            }
        } catch (SQLException notKept) {
            return null;
        }
        return holders.isEmpty() ? null : holders;
    }

    private static String lastStatement(Connection c, String id) {
        try (PreparedStatement ps = c.prepareStatement(LAST_STATEMENT)) {
            ps.setLong(1, Long.parseLong(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException notKept) {
            return null;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
