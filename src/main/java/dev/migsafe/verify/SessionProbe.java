package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the watchdog asks the server about the verification's own sessions, per server family:
 * which of them wait for a lock and who holds it, what they run, and how to stop them. It only ever
 * touches sessions of this migsafe run (its application name on PostgreSQL, its scratch database and
 * user on MySQL/MariaDB).
 */
interface SessionProbe {

    /**
     * A session of this run waiting for a lock.
     *
     * @param key       stays the same while the same statement waits (session and statement start)
     * @param id        the session, to cancel its statement
     * @param statement what it runs
     * @param waitsFor  what it waits for, in the server's words
     * @param blockers  who holds the lock
     * @param certain   false when the server does not say and the blockers are the sessions that could
     */
    record Waiting(String key, String id, String statement, String waitsFor, List<LockWait.Session> blockers,
                   boolean certain) {

        LockWait after(long waitedMs) {
            return new LockWait(statement, waitsFor, waitedMs, blockers, certain);
        }
    }

    /** A statement of this run in progress, for the deadline's report. */
    record Running(String statement, long runningMs) {
    }

    List<Waiting> waiting(Connection c) throws SQLException;

    List<Running> running(Connection c) throws SQLException;

    /** Cancels the session's current statement; the session stays. */
    void cancel(Connection c, String id) throws SQLException;

    /** Ends every session of this run but the watchdog's own: the deadline is reached. */
    void stopAll(Connection c) throws SQLException;

    static SessionProbe of(ServerKind kind) {
        return switch (kind) {
            case POSTGRESQL -> new PostgresSessions();
            case MYSQL, MARIADB -> new MysqlSessions();
        };
    }
}
