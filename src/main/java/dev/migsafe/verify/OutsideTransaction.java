package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The lock trace of a PostgreSQL statement its tool runs on its own because it cannot run in a transaction
 * (CREATE/DROP INDEX CONCURRENTLY, REINDEX, VACUUM, CLUSTER). It commits when it ends, so its locks cannot be
 * read afterwards as in {@link PostgresLockTrace}; instead a second session holds the table as a writer does
 * (ROW EXCLUSIVE, in an open transaction) while the statement starts. Lock conflicts are symmetric: if the
 * statement has to wait for that lock, its own lock would block writers (and readers too, when the mode it
 * waits with is ACCESS EXCLUSIVE); if it waits instead for the writer's transaction to end, as a concurrent
 * index build does, the relation locks it holds meanwhile are read. Its storage is compared before and after
 * (a rewrite), and what it changed is undone (an index it made is dropped, one it dropped is made again) so
 * that {@code apply range} finds the older schema.
 */
final class OutsideTransaction {

    /** What can be measured so: statements whose only lasting effect is on indexes, which is undone. */
    private static final Pattern MEASURABLE = Pattern.compile(
            "(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX|VACUUM|CLUSTER|ANALY[SZ]E)\\b.*");
    /** The first table or index a maintenance statement names: VACUUM (FULL) foo, bar / REINDEX TABLE foo / CLUSTER foo. */
    private static final Pattern NAMED = Pattern.compile("(?is)^\\s*(?:VACUUM|ANALY[SZ]E|CLUSTER|REINDEX)\\s*(?:\\([^)]*\\))?\\s*"
            + "(?:(?:FULL|FREEZE|VERBOSE|ANALY[SZ]E|TABLE|INDEX|CONCURRENTLY)\\s+)*(\"[^\"]+\"|[\\w$]+(?:\\.[\\w$]+)?)");
    private static final long POLL_MS = 3;
    /** How the note of its measurement starts. */
    static final String RUN_ON_ITS_OWN = "run on its own, as its tool runs it";

    private OutsideTransaction() {
    }

    /**
     * @param undo        whether to undo what it changed (the trace leaves the database as it was), or keep it (a copy)
     * @param lockTimeout the lock timeout the tool's session has when it runs the statement ({@code 0}: none)
     */
    static LockTrace.Record measure(ScratchDatabase db, ParsedRange.Located l, Duration perStatement, boolean undo,
                                    String lockTimeout) {
        String sql = l.parsed().statement().text();
        if (!MEASURABLE.matcher(sql).matches()) {
            return LockTrace.notTraced(l, PostgresLockTrace.RUNS_OUTSIDE);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migsafe-outside-transaction");
            t.setDaemon(true);
            return t;
        });
        try (Connection worker = db.connect(); Connection writer = db.connect(); Connection observer = db.connect()) {
            long pid = Long.parseLong(LockTrace.single(worker, "SELECT pg_backend_pid()"));
            try (PreparedStatement ps = worker.prepareStatement("SELECT set_config('lock_timeout', ?, false),"
                    + " set_config('statement_timeout', ?, false)")) {
                ps.setString(1, lockTimeout == null ? "0" : lockTimeout);
                ps.setString(2, String.valueOf(Math.max(1, perStatement.toMillis())));
                ps.execute();
            }
            String table = tableOf(observer, LockTrace.table(l) != null ? LockTrace.table(l) : named(sql));
            Map<String, Long> storage = storage(observer);
            Map<String, String> indexes = table == null ? Map.of() : indexes(observer, table);
            Future<?> run = null;
            try {
                if (table != null) {
                    writer.setAutoCommit(false);
                    try (Statement st = writer.createStatement()) {
                        st.execute("SET lock_timeout = '" + perStatement.toMillis() + "ms'");
                        st.execute("LOCK TABLE " + table + " IN ROW EXCLUSIVE MODE");
                    }
                }
                long started = System.nanoTime();
                run = executor.submit(() -> {
                    try (Statement st = worker.createStatement()) {
                        st.execute(sql);
                    }
                    return null;
                });
                Wait wait = table == null ? Wait.NONE : watch(observer, pid, run, perStatement);
                long released = System.nanoTime();
                if (table != null) {
                    writer.rollback();
                }
                try {
                    run.get(Math.max(1, perStatement.toMillis()), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return LockTrace.notTraced(l, "ran longer than " + perStatement.toMillis()
                            + " ms on its own in the trace and was stopped: not measured");
                } catch (ExecutionException e) {
                    return LockTrace.notTraced(l, "failed on its own in the trace: " + Errors.message(e.getCause()));
                }
                long ms = (System.nanoTime() - (wait.waited() ? released : started)) / 1_000_000;
                // read before anything is undone: making a dropped index again gives it new storage
                boolean rewrite = LockTrace.rewritten(storage, storage(observer));
                return LockTrace.measured(l, measurement(wait, table, rewrite, ms, lockTimeout));
            } finally {
                // whatever happened above, the statement is over before its effects are undone and the sessions close
                if (run != null && !run.isDone()) {
                    cancel(observer, pid);
                    waitFor(run);
                }
                if (undo && table != null) {
                    undo(observer, table, indexes);
                }
            }
        } catch (SQLException e) {
            return LockTrace.notTraced(l, "could not be measured on its own: " + Errors.message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LockTrace.notTraced(l, "interrupted: not measured");
        } finally {
            executor.shutdownNow();
        }
    }

    /** What the wait behind the writer says about the statement's locks. */
    private static LockTrace.Measurement measurement(Wait wait, String table, boolean rewrite, long ms, String lockTimeout) {
        List<String> blocks = wait.mode() == null ? List.of()
                : PostgresLockTrace.blocks(List.of(new LockTrace.Lock(wait.mode(), table)));
        String note = table == null ? RUN_ON_ITS_OWN + "; no table to hold"
                : RUN_ON_ITS_OWN + ", while a second session held " + table + " as a writer does: "
                + (wait.mode() != null ? "it waited for that lock (with " + LockTraceText.mode(wait.mode()) + ")"
                : wait.forTransaction() ? "it waited for the writer's transaction to end, not for its lock"
                : "it did not wait");
        LockTrace.Probe probe = table == null ? null : new LockTrace.Probe(
                blocks.contains("select") ? LockTrace.Probe.BLOCKED : LockTrace.Probe.PASSED,
                blocks.contains("write") ? LockTrace.Probe.BLOCKED : LockTrace.Probe.PASSED, note);
        List<LockTrace.Lock> locks = new ArrayList<>(wait.held());
        if (wait.mode() != null) {
            locks.add(new LockTrace.Lock(wait.mode(), table));
        }
        return new LockTrace.Measurement(locks, blocks, rewrite, null, ms, probe, null, 0, lockTimeout, false);
    }

    private static void waitFor(Future<?> run) {
        try {
            run.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException cancelled) {
            // cancelled as asked
        }
    }

    /**
     * What the statement waited for while the writer held the table.
     *
     * @param mode           the relation lock mode it waited with, or null
     * @param forTransaction it waited for the writer's transaction to end (virtualxid), not a relation lock
     * @param held           the relation locks it held while waiting
     */
    private record Wait(String mode, boolean forTransaction, List<LockTrace.Lock> held) {
        static final Wait NONE = new Wait(null, false, List.of());

        boolean waited() {
            return mode != null || forTransaction;
        }
    }

    private static Wait watch(Connection observer, long pid, Future<?> run, Duration limit) throws SQLException {
        long end = System.nanoTime() + limit.toNanos();
        while (!run.isDone() && System.nanoTime() < end) {
            String mode = null;
            boolean forTransaction = false;
            List<LockTrace.Lock> held = new ArrayList<>();
            try (PreparedStatement ps = observer.prepareStatement("SELECT l.locktype, l.mode, l.granted,"
                    + " l.relation::regclass::text FROM pg_locks l WHERE l.pid = ?")) {
                ps.setLong(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean relation = "relation".equals(rs.getString(1));
                        if (!rs.getBoolean(3)) {
                            if (relation) {
                                mode = rs.getString(2);
                            } else {
                                forTransaction = true;
                            }
                        } else if (relation && rs.getString(4) != null && !rs.getString(4).startsWith("pg_")) {
                            held.add(new LockTrace.Lock(rs.getString(2), rs.getString(4)));
                        }
                    }
                }
            }
            if (mode != null || forTransaction) {
                return new Wait(mode, mode == null, mode == null ? held : List.of());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Wait.NONE;
    }

    private static String named(String sql) {
        java.util.regex.Matcher m = NAMED.matcher(sql);
        return m.find() && !m.group(1).matches("(?i)SCHEMA|DATABASE|SYSTEM") ? m.group(1) : null;
    }

    /** The table a statement works on, quoted: the table itself, or the table of the index it names; null if none. */
    private static String tableOf(Connection c, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(i.indrelid, t.oid)::regclass::text FROM"
                + " (SELECT to_regclass(?) AS oid) t LEFT JOIN pg_index i ON i.indexrelid = t.oid WHERE t.oid IS NOT NULL")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // a name to_regclass cannot read
        }
    }

    /** Every user relation's storage id (a rewrite gives a new one). */
    private static Map<String, Long> storage(Connection c) throws SQLException {
        return LockTrace.ids(c, "SELECT c.oid::regclass::text, c.relfilenode FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'i', 'm', 'p') AND n.nspname NOT IN"
                + " ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'");
    }

    /** The definitions of the indexes on {@code table} (quoted as regclass text), by name. */
    private static Map<String, String> indexes(Connection c, String table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid)"
                + " FROM pg_index WHERE indrelid = ?::regclass")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /**
     * Drops the indexes the statement made on {@code table} (an invalid leftover included) and makes again the ones
     * it dropped: only that table's, as the database may be shared (a scratch schema) and others' indexes are not
     * migsafe's.
     */
    private static void undo(Connection c, String table, Map<String, String> before) throws SQLException {
        Map<String, String> now = indexes(c, table);
        try (Statement st = c.createStatement()) {
            for (String made : now.keySet()) {
                if (!before.containsKey(made)) {
                    st.execute("DROP INDEX IF EXISTS " + made);
                }
            }
            for (Map.Entry<String, String> gone : before.entrySet()) {
                if (!now.containsKey(gone.getKey())) {
                    st.execute(gone.getValue());
                }
            }
        }
    }

    private static void cancel(Connection observer, long pid) {
        try (Statement st = observer.createStatement()) {
            st.execute("SELECT pg_cancel_backend(" + pid + ")");
        } catch (SQLException gone) {
            // it ended meanwhile
        }
    }

}
