package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL: pg_stat_activity for the sessions, pg_blocking_pids for who blocks whom. */
final class PostgresSessions implements SessionProbe {

    /** This run's sessions: those named after it, in this database, other than the asking one. */
    private static final String OURS = "a.datname = current_database() AND a.pid <> pg_backend_pid()"
            + " AND (a.application_name = ? OR a.application_name LIKE ? ESCAPE '!')";

    private static final String WAITING = "SELECT a.pid, a.query, a.query_start, a.wait_event_type, a.wait_event,"
            + " b.pid, b.application_name, b.state,"
            + " (EXTRACT(EPOCH FROM clock_timestamp() - b.state_change) * 1000)::bigint, b.query"
            + " FROM pg_stat_activity a"
            + " CROSS JOIN LATERAL unnest(pg_blocking_pids(a.pid)) AS blocker(pid)"
            + " JOIN pg_stat_activity b ON b.pid = blocker.pid"
            + " WHERE a.wait_event_type = 'Lock' AND " + OURS
            + " ORDER BY a.pid, b.pid";

    private static final String RUNNING = "SELECT a.query,"
            + " (EXTRACT(EPOCH FROM clock_timestamp() - a.query_start) * 1000)::bigint"
            + " FROM pg_stat_activity a WHERE a.state = 'active' AND " + OURS + " ORDER BY a.query_start";

    private static final String STOP_ALL = "SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE " + OURS;

    @Override
    public List<Waiting> waiting(Connection c) throws SQLException {
        Map<String, Waiting> byKey = new LinkedHashMap<>();
        try (PreparedStatement ps = ours(c, WAITING); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String pid = rs.getString(1);
                String key = pid + "@" + rs.getString(3);
                LockWait.Session blocker = new LockWait.Session(rs.getString(6), nonNull(rs.getString(7)),
                        nonNull(rs.getString(8)), rs.getLong(9), rs.getString(10));
                Waiting known = byKey.get(key);
                List<LockWait.Session> blockers = new ArrayList<>(known == null ? List.of() : known.blockers());
                blockers.add(blocker);
                byKey.put(key, new Waiting(key, pid, rs.getString(2), rs.getString(4) + "/" + rs.getString(5),
                        blockers, true));
            }
        }
        return List.copyOf(byKey.values());
    }

    @Override
    public List<Running> running(Connection c) throws SQLException {
        List<Running> running = new ArrayList<>();
        try (PreparedStatement ps = ours(c, RUNNING); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                running.add(new Running(rs.getString(1), rs.getLong(2)));
            }
        }
        return running;
    }

    @Override
    public void cancel(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_cancel_backend(?)")) {
            ps.setInt(1, Integer.parseInt(id));
            ps.execute();
        }
    }

    @Override
    public void stopAll(Connection c) throws SQLException {
        try (PreparedStatement ps = ours(c, STOP_ALL)) {
            ps.execute();
        }
    }

    private static PreparedStatement ours(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, ScratchDatabase.APPLICATION);
        ps.setString(2, ScratchDatabase.APPLICATION.replace("!", "!!").replace("%", "!%").replace("_", "!_") + " %");
        return ps;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
