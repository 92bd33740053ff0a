package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The second session of the lock trace: while a traced statement holds its locks, it tries a plain read and
 * a write of the table (a SELECT and an INSERT of nothing, which take the same locks as real ones, each from a
 * session of its own) and says whether each had to wait. Another session watches the server's own view of the probe (waiting for a
 * lock, in {@code pg_locks} or the process list) so that a blocked probe is known in milliseconds and
 * cancelled, instead of waiting out a timeout.
 */
final class LockProbe implements AutoCloseable {

    /** The longest a probe operation may take before it counts as stuck (the lock timeout of the probe session). */
    static final Duration WAIT = Duration.ofMillis(200);

    private final ServerKind kind;
    /** The write's session and the read's: a statement that ends by itself leaves a short window, tried at once. */
    private final Session writer;
    private final Session reader;
    private final Connection observer;

    /** A probe session: its connection, its server-side id (to watch and cancel it), a thread to run it on. */
    private record Session(Connection connection, long id, ExecutorService executor) {
    }

    LockProbe(ScratchDatabase db) throws SQLException {
        this.kind = db.kind();
        this.observer = db.connect();
        this.writer = session(db);
        this.reader = session(db);
    }

    private Session session(ScratchDatabase db) throws SQLException {
        Connection c = db.connect();
        try (Statement st = c.createStatement()) {
            st.execute(kind.isPostgres() ? "SET lock_timeout = '" + WAIT.toMillis() + "ms'" : "SET SESSION lock_wait_timeout = 1");
            try (ResultSet rs = st.executeQuery(kind.isPostgres() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
                rs.next();
                return new Session(c, rs.getLong(1), Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "migsafe-lock-probe");
                    t.setDaemon(true);
                    return t;
                }));
            }
        }
    }

    /**
     * Tries a write and a read of {@code quotedTable}.
     *
     * @param holding    whether the traced statement still holds its locks (a running MySQL DDL ends by itself)
     * @param readToo    try the read at the same time as the write; else only when the write was blocked (a write
     *                   is blocked by whatever blocks a read)
     */
    LockTrace.Probe probe(String quotedTable, BooleanSupplier holding, boolean readToo) {
        String read = operations(quotedTable).get(0);
        Attempt write = new Attempt(writer, operations(quotedTable).get(1));
        Attempt select = readToo ? new Attempt(reader, read) : null;
        settle(readToo ? List.of(write, select) : List.of(write), holding);
        if (!readToo && LockTrace.Probe.BLOCKED.equals(write.outcome)) {
            select = new Attempt(reader, read);
            settle(List.of(select), holding);
        }
        String note = write.outcome == null || (readToo && select.outcome == null)
                ? "the statement ended before the probe could tell" : null;
        return new LockTrace.Probe(select == null ? null : select.outcome, write.outcome, note);
    }

    /**
     * Runs the probe's read and write once, before the statement: the sessions then have the table open and the
     * probe's code is warm, so that the first probe of a statement that ends by itself is as quick as the others.
     */
    void prepare(String quotedTable) {
        for (String sql : operations(quotedTable)) {
            for (Session session : new Session[] {writer, reader}) {
                // on the session's own thread, like every use of its connection
                Future<?> run = session.executor().submit(() -> {
                    try (Statement st = session.connection().createStatement()) {
                        st.execute(sql);
                    }
                    return null;
                });
                try {
                    run.get(WAIT.toMillis() * 5, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel(session, run);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    cancel(session, run); // the probe then says what it can
                }
            }
        }
    }

    /** The read and the write: a SELECT and an INSERT of nothing take the locks real ones take. */
    private static List<String> operations(String quotedTable) {
        return List.of("SELECT 1 FROM " + quotedTable + " WHERE 1 = 0",
                "INSERT INTO " + quotedTable + " SELECT * FROM " + quotedTable + " WHERE 1 = 0");
    }

    /** One operation of the probe, running on its session: its outcome once {@link #settle} has it. */
    private static final class Attempt {
        final Session session;
        final Future<?> run;
        final long end = System.nanoTime() + WAIT.toNanos();
        boolean settled;
        /** blocked, not blocked, or null when the statement ended before the probe could tell */
        String outcome;

        Attempt(Session session, String sql) {
            this.session = session;
            this.run = session.executor().submit(() -> {
                try (Statement st = session.connection().createStatement()) {
                    st.execute(sql);
                }
                return null;
            });
        }
    }

    /**
     * Watches the attempts until each has its outcome. Whether the statement still holds is asked as soon as an
     * attempt's outcome is known, and after it: a MySQL ALTER takes an exclusive lock for a moment when it ends,
     * and an operation that met that moment, or went through just after it, says nothing of the lock it held while
     * it worked. Its phases only move forward, so still at work after the outcome means at work throughout.
     */
    private void settle(List<Attempt> attempts, BooleanSupplier holding) {
        while (attempts.stream().anyMatch(a -> !a.settled)) {
            for (Attempt a : attempts) {
                if (!a.settled) {
                    check(a, holding);
                }
            }
            if (attempts.stream().anyMatch(a -> !a.settled)) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    attempts.stream().filter(a -> !a.settled).forEach(a -> {
                        cancel(a.session, a.run);
                        a.settled = true;
                    });
                }
            }
        }
    }

    private void check(Attempt a, BooleanSupplier holding) {
        if (a.run.isDone()) {
            a.settled = true;
            try {
                a.run.get();
                a.outcome = holding.getAsBoolean() ? LockTrace.Probe.PASSED : null;
            } catch (ExecutionException e) {
                SQLException s = e.getCause() instanceof SQLException x ? x : null;
                if (s != null && ("42P01".equals(s.getSQLState()) || s.getErrorCode() == 1146)) {
                    return; // the table has another name outside the traced transaction: cannot tell
                }
                // a lock timeout; else it got past the locks and failed on something else (a generated column, say)
                String seen = s != null && isLockTimeout(s) ? LockTrace.Probe.BLOCKED : LockTrace.Probe.PASSED;
                a.outcome = holding.getAsBoolean() ? seen : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (waitsForLock(a.session) || System.nanoTime() > a.end) {
            boolean held = holding.getAsBoolean();
            cancel(a.session, a.run);
            a.settled = true;
            a.outcome = held ? LockTrace.Probe.BLOCKED : null;
        }
    }

    private boolean isLockTimeout(SQLException e) {
        // 55P03 lock_not_available; MySQL/MariaDB 1205 lock wait timeout
        return "55P03".equals(e.getSQLState()) || e.getErrorCode() == 1205;
    }

    private boolean waitsForLock(Session session) {
        String sql = kind.isPostgres() ? "SELECT 1 FROM pg_locks WHERE pid = ? AND NOT granted"
                : "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND STATE LIKE 'Waiting for%lock%'";
        try (PreparedStatement ps = observer.prepareStatement(sql)) {
            ps.setLong(1, session.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void cancel(Session session, Future<?> run) {
        try (Statement st = observer.createStatement()) {
            st.execute(kind.isPostgres() ? "SELECT pg_cancel_backend(" + session.id() + ")" : "KILL QUERY " + session.id());
        } catch (SQLException gone) {
            // it ended meanwhile
        }
        try {
            run.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException cancelled) {
            // cancelled as asked
        }
    }

    @Override
    public void close() {
        for (Session s : new Session[] {writer, reader}) {
            s.executor().shutdownNow();
        }
        for (Connection c : new Connection[] {writer.connection(), reader.connection(), observer}) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing is best effort
            }
        }
    }
}
