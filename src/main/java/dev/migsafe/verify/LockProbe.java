package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The second session of the lock trace: while a traced statement holds its locks, it tries a plain read and
 * a write of the table (a SELECT and an INSERT of nothing, which take the same locks as real ones) and
 * says whether each had to wait. A third session watches the server's own view of the probe (waiting for a
 * lock, in {@code pg_locks} or the process list) so that a blocked probe is known in milliseconds and
 * cancelled, instead of waiting out a timeout.
 */
final class LockProbe implements AutoCloseable {

    /** The longest a probe operation may take before it counts as stuck (the lock timeout of the probe session). */
    static final Duration WAIT = Duration.ofMillis(200);
    private static final long POLL_MS = 3;

    private final ServerKind kind;
    private final Connection probe;
    private final Connection observer;
    private final long probeId;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "migsafe-lock-probe");
        t.setDaemon(true);
        return t;
    });

    LockProbe(ScratchDatabase db) throws SQLException {
        this.kind = db.kind();
        this.probe = db.connect();
        this.observer = db.connect();
        try (Statement st = probe.createStatement()) {
            st.execute(kind.isPostgres() ? "SET lock_timeout = '" + WAIT.toMillis() + "ms'" : "SET SESSION lock_wait_timeout = 1");
            try (ResultSet rs = st.executeQuery(kind.isPostgres() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
                rs.next();
                probeId = rs.getLong(1);
            }
        }
    }

    /**
     * Tries a write, then a read, of {@code quotedTable}.
     *
     * @param holding    whether the traced statement still holds its locks (a running MySQL DDL ends by itself)
     * @param readToo    also try the read when the write went through (a write is blocked by whatever blocks a read)
     */
    LockTrace.Probe probe(String quotedTable, BooleanSupplier holding, boolean readToo) {
        String read = "SELECT 1 FROM " + quotedTable + " WHERE 1 = 0";
        // a statement that ends by itself leaves a short window: the read, which rarely waits, goes first then
        String select = readToo ? attempt(read, holding) : null;
        String write = attempt("INSERT INTO " + quotedTable + " SELECT * FROM " + quotedTable + " WHERE 1 = 0", holding);
        if (!readToo && LockTrace.Probe.BLOCKED.equals(write)) {
            select = attempt(read, holding);
        }
        String note = write == null || (select == null && readToo)
                ? "the statement ended before the probe could tell" : null;
        return new LockTrace.Probe(select, write, note);
    }

    /** blocked, not blocked, or null when the statement ended before the probe could tell. */
    private String attempt(String sql, BooleanSupplier holding) {
        Future<?> run = executor.submit(() -> {
            try (Statement st = probe.createStatement()) {
                st.execute(sql);
            }
            return null;
        });
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            boolean held = holding.getAsBoolean();
            try {
                run.get(POLL_MS, TimeUnit.MILLISECONDS);
                return held ? LockTrace.Probe.PASSED : null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException s && isLockTimeout(s)) {
                    return LockTrace.Probe.BLOCKED;
                }
                if (e.getCause() instanceof SQLException s && ("42P01".equals(s.getSQLState()) || s.getErrorCode() == 1146)) {
                    return null; // the table has another name outside the traced transaction: cannot tell
                }
                // it got past the locks and failed on something else (a generated column, say)
                return held ? LockTrace.Probe.PASSED : null;
            } catch (TimeoutException stillRunning) {
                if (waitsForLock() || System.nanoTime() > end) {
                    cancel(run);
                    return held ? LockTrace.Probe.BLOCKED : null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(run);
                return null;
            }
        }
    }

    private boolean isLockTimeout(SQLException e) {
        // 55P03 lock_not_available; MySQL/MariaDB 1205 lock wait timeout
        return "55P03".equals(e.getSQLState()) || e.getErrorCode() == 1205;
    }

    private boolean waitsForLock() {
        String sql = kind.isPostgres() ? "SELECT 1 FROM pg_locks WHERE pid = ? AND NOT granted"
                : "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND STATE LIKE 'Waiting for%lock%'";
        try (PreparedStatement ps = observer.prepareStatement(sql)) {
            ps.setLong(1, probeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void cancel(Future<?> run) {
        try (Statement st = observer.createStatement()) {
            st.execute(kind.isPostgres() ? "SELECT pg_cancel_backend(" + probeId + ")" : "KILL QUERY " + probeId);
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
        executor.shutdownNow();
        for (Connection c : new Connection[] {probe, observer}) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing is best effort
            }
        }
    }
}
