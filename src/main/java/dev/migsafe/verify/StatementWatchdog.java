package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a verification from hanging. A thread with its own connection looks at this run's sessions
 * while the steps run: a statement that waits for a lock longer than {@code verify.statement-wait} is
 * recorded with who holds the lock and cancelled, so its step fails with the reason; at the
 * verification's deadline the statements running are recorded and every session of the run is
 * ended, and the verifying thread is interrupted (the older release's tests are a process).
 * Watching from the server's side covers every engine alike: Flyway, Liquibase, JDBC, seeding, probes.
 */
final class StatementWatchdog implements AutoCloseable {

    /** A statement running this long is shown in the progress display. */
    private static final long SHOWN_AFTER_MS = 500;
    /**
     * A statement blocked by the migration tool's own idle session waits forever (LK615): it is cancelled
     * after this long rather than after the statement wait.
     */
    private static final long TOOL_DEADLOCK_MS = 3000;

    private final ScratchDatabase db;
    private final SessionProbe probe;
    private final long waitMs;
    private final Instant deadline;
    private final Thread verifying;
    private final ProgressListener progress;
    private final Thread thread;
    /** When each waiting statement was first seen waiting, by {@link SessionProbe.Waiting#key()}. */
    private final Map<String, Long> waitingSince = new HashMap<>();
    private final Set<String> cancelled = new HashSet<>();
    private final List<LockWait> waits = new ArrayList<>();
    private volatile List<SessionProbe.Running> atDeadline;
    private volatile boolean closed;
    private Connection connection;
    /** Held while the watchdog looks, so that its session can be closed between two looks. */
    private final Object looking = new Object();

    private StatementWatchdog(ScratchDatabase db, Duration statementWait, Instant deadline, Thread verifying,
                              ProgressListener progress) {
        this.progress = progress;
        this.db = db;
        this.probe = SessionProbe.of(db.kind());
        this.waitMs = statementWait.toMillis();
        this.deadline = deadline;
        this.verifying = verifying;
        this.thread = new Thread(this::watch, "migsafe-watchdog");
        thread.setDaemon(true);
    }

    /** Starts watching the database for the calling (verifying) thread; long statements go to {@code progress}. */
    static StatementWatchdog start(ScratchDatabase db, Duration statementWait, Instant deadline, ProgressListener progress) {
        StatementWatchdog watchdog = new StatementWatchdog(db, statementWait, deadline, Thread.currentThread(), progress);
        watchdog.thread.start();
        return watchdog;
    }

    /** The most recent wait recorded (and not yet taken) in which the migration tool blocked itself (LK615). */
    synchronized Optional<LockWait> toolDeadlock() {
        return waits.stream().filter(LockWait::byMigrationTool).reduce((a, b) -> b);
    }

    /** The lock waits recorded since the last call. */
    synchronized List<LockWait> takeWaits() {
        List<LockWait> taken = List.copyOf(waits);
        waits.clear();
        return taken;
    }

    boolean deadlineReached() {
        return atDeadline != null || !Instant.now().isBefore(deadline);
    }

    /** The statements that were running when the deadline was reached (empty before, or when none ran). */
    List<SessionProbe.Running> runningAtDeadline() {
        return atDeadline == null ? List.of() : atDeadline;
    }

    private void watch() {
        long interval = Math.max(50, Math.min(1000, Math.min(waitMs, TOOL_DEADLOCK_MS) / 4));
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            try {
                look();
            } catch (SQLException | RuntimeException e) {
                // the server restarts or the connection dropped: look again with a new one
                closeConnection();
            }
        }
    }

    /**
     * Runs {@code work} while the watchdog has no session on the database (it looks again afterwards): a database
     * with a session cannot be copied.
     */
    <T> T withoutSession(java.util.function.Supplier<T> work) {
        synchronized (looking) {
            closeConnection();
            return work.get();
        }
    }

    private void look() throws SQLException {
        synchronized (looking) {
            lookNow();
        }
    }

    private void lookNow() throws SQLException {
        Connection c = connection();
        if (!Instant.now().isBefore(deadline)) {
            if (atDeadline == null) {
                atDeadline = List.copyOf(probe.running(c));
                verifying.interrupt();
            }
            probe.stopAll(c); // again on every look: a step may go on with new statements
            return;
        }
        long now = System.currentTimeMillis();
        Set<String> seen = new HashSet<>();
        for (SessionProbe.Waiting w : probe.waiting(c)) {
            seen.add(w.key());
            long since = waitingSince.computeIfAbsent(w.key(), k -> now);
            long limit = w.after(0).byMigrationTool() ? Math.min(waitMs, TOOL_DEADLOCK_MS) : waitMs;
            if (now - since >= limit && cancelled.add(w.key())) {
                synchronized (this) {
                    waits.add(w.after(now - since));
                }
                probe.cancel(c, w.id());
            }
        }
        waitingSince.keySet().retainAll(seen);
        cancelled.retainAll(seen);
        probe.running(c).stream().filter(r -> r.runningMs() >= SHOWN_AFTER_MS)
                .max(java.util.Comparator.comparingLong(SessionProbe.Running::runningMs))
                .ifPresent(r -> progress.statement(FirstLine.of(r.statement()), r.runningMs()));
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = db.connectAs(ScratchDatabase.APPLICATION + " watchdog");
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // it is being replaced
        }
        connection = null;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
