package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * The lock trace on MySQL and MariaDB. Their DDL commits at once, so it cannot be held open and rolled back:
 * the trace runs on a copy of the seeded older schema in a database of its own on the same server (dropped
 * afterwards), so {@code apply range} still finds the older schema. Per statement it asks the server which
 * ALTER algorithm and lock level it accepts, in MySQL's own order of preference (INSTANT, then INPLACE with
 * LOCK=NONE, SHARED, EXCLUSIVE, then COPY): the first accepted is what the server would have chosen, and its
 * lock level is what other sessions wait for while it runs. A statement that is not INSTANT runs on its table
 * grown to {@link #GROW_TO} rows, so that a second session's SELECT and INSERT can be tried while it works
 * (the ground truth), and the metadata locks it holds are read then where the server keeps them
 * ({@code performance_schema.metadata_locks}, MariaDB's {@code METADATA_LOCK_INFO} plugin). A rebuild shows
 * as a new InnoDB table id.
 */
final class MysqlLockTrace extends LockTrace {

    /**
     * At most this many statements are grown and probed, and only while growing and probing has taken less than
     * {@link #PROBE_BUDGET}: each costs the growth of its table and the ALTER's work on the grown rows.
     */
    static final int PROBED_STATEMENTS = 12;
    static final java.time.Duration PROBE_BUDGET = java.time.Duration.ofMillis(1500);
    /** Rows a table is grown to before a statement that is not INSTANT runs on it: long enough to probe. */
    static final long GROW_TO = 36_000;
    /**
     * How long a statement that is not probed is given before it is watched for the trace's time limit; a probed
     * one is watched from the start, so that the probe has as much of its run as there is.
     */
    private static final long SETTLE_MS = 15;

    private static final Pattern ALTERABLE = Pattern.compile(
            "(?is)^\\s*(ALTER\\s+(ONLINE\\s+|IGNORE\\s+)*TABLE|CREATE\\s+(UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX|DROP\\s+INDEX)\\b.*");
    /** The statement says how to run: ALGORITHM=, LOCK= or both. */
    private static final Pattern ALGORITHM_GIVEN = Pattern.compile("(?i)\\b(ALGORITHM|LOCK)\\s*=");
    private static final Pattern IS_ALTER_TABLE = Pattern.compile("(?is)^\\s*ALTER\\b.*");

    /** An ALTER algorithm and lock level, and the metadata lock and blocked operations it stands for. */
    private record Attempt(String clause, String mdl, List<String> blocks) {
    }

    private static final List<Attempt> PREFERENCE = List.of(
            new Attempt("ALGORITHM=INSTANT", "SHARED_UPGRADABLE", List.of()),
            new Attempt("ALGORITHM=INPLACE, LOCK=NONE", "SHARED_UPGRADABLE", List.of()),
            new Attempt("ALGORITHM=INPLACE, LOCK=SHARED", "SHARED_NO_WRITE", List.of("write")),
            new Attempt("ALGORITHM=INPLACE, LOCK=EXCLUSIVE", "EXCLUSIVE", List.of("select", "write")),
            new Attempt("ALGORITHM=COPY, LOCK=SHARED", "SHARED_NO_WRITE", List.of("write")),
            new Attempt("ALGORITHM=COPY, LOCK=EXCLUSIVE", "EXCLUSIVE", List.of("select", "write")));

    private static final Pattern STATED_ALGORITHM = Pattern.compile("(?i)\\bALGORITHM\\s*=\\s*(INSTANT|INPLACE|COPY|NOCOPY)\\b");
    private static final Pattern STATED_LOCK = Pattern.compile("(?i)\\bLOCK\\s*=\\s*(NONE|SHARED|EXCLUSIVE)\\b");

    /**
     * The attempt that the ALGORITHM and LOCK a statement gives itself stand for, or null when they leave the lock
     * level to the server (INPLACE without LOCK: the least the operation allows, which the text does not say).
     */
    static Attempt stated(String sql) {
        java.util.regex.Matcher a = STATED_ALGORITHM.matcher(sql);
        if (!a.find()) {
            // LOCK= alone: the server picks the algorithm, the lock level is as given
            java.util.regex.Matcher lockOnly = STATED_LOCK.matcher(sql);
            if (!lockOnly.find()) {
                return null;
            }
            return switch (lockOnly.group(1).toUpperCase(java.util.Locale.ROOT)) {
                case "NONE" -> new Attempt("LOCK=NONE", "SHARED_UPGRADABLE", List.of());
                case "SHARED" -> new Attempt("LOCK=SHARED", "SHARED_NO_WRITE", List.of("write"));
                default -> new Attempt("LOCK=EXCLUSIVE", "EXCLUSIVE", List.of("select", "write"));
            };
        }
        String algorithm = a.group(1).toUpperCase(java.util.Locale.ROOT).replace("NOCOPY", "INPLACE");
        if (algorithm.equals("INSTANT")) {
            return PREFERENCE.get(0);
        }
        java.util.regex.Matcher l = STATED_LOCK.matcher(sql);
        // COPY lets reads through unless told otherwise
        String lock = l.find() ? l.group(1).toUpperCase(java.util.Locale.ROOT) : algorithm.equals("COPY") ? "SHARED" : null;
        String clause = "ALGORITHM=" + algorithm + ", LOCK=" + lock;
        return lock == null ? null : PREFERENCE.stream().filter(p -> p.clause().equals(clause)).findFirst()
                .orElse(new Attempt(clause, "SHARED_UPGRADABLE", List.of())); // COPY, LOCK=NONE: refused by the server
    }

    /** ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON), and MariaDB's variants. */
    private static final List<Integer> NOT_SUPPORTED = List.of(1845, 1846, 4092);

    private int probed;
    /** Time spent growing tables and running statements on them for the probe, in nanoseconds. */
    private long probeNanos;
    private String lockTable;

    MysqlLockTrace(ScratchDatabase db, java.time.Duration perStatement, SchemaSnapshot older, TableStats stats) {
        super(db, perStatement, older, stats);
    }

    @Override
    Result run(ParsedRange range) throws SQLException {
        String source;
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            source = rs.getString(1);
        }
        String name = "migsafe_lt_" + ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db.kind().quote(name));
        }
        ScratchDatabase copy = new ScratchDatabase("trace", db.kind(), JdbcUrls.withDatabase(db.jdbcUrl(), name), db.user(),
                db.password(), null, () -> {
                    try (Connection c = db.connect(); Statement st = c.createStatement()) {
                        st.execute("DROP DATABASE IF EXISTS " + db.kind().quote(name));
                    }
                });
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migsafe-lock-trace");
            t.setDaemon(true);
            return t;
        });
        try (copy; Connection c = copy.connect(); Connection watch = copy.connect(); LockProbe probe = new LockProbe(copy)) {
            copySchema(c, source, name);
            long session = Long.parseLong(single(c, "SELECT CONNECTION_ID()"));
            List<Record> records = new ArrayList<>();
            for (ParsedRange.Located l : range.statements()) {
                int probedBefore = probed;
                long started = System.nanoTime();
                records.add(trace(copy, c, watch, session, probe, executor, l, name));
                if (probed > probedBefore) {
                    // grown and probed: charged to the budget however it ended (measured, failed, stopped)
                    probeNanos += System.nanoTime() - started;
                }
            }
            return new Result(records, "lock_wait_timeout " + single(c, "SELECT @@lock_wait_timeout") + " s",
                    "on a copy of the seeded older schema in a database of its own, dropped afterwards");
        } finally {
            executor.shutdownNow();
        }
    }

    /** The seeded tables (and, best effort, views) of {@code source}, rows included, in the trace's database. */
    private void copySchema(Connection c, String source, String target) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION FOREIGN_KEY_CHECKS = 0");
            List<String> views = new ArrayList<>();
            for (String[] t : objects(c, source)) {
                String q = db.kind().quote(source) + "." + db.kind().quote(t[0]);
                if (t[1].equals("VIEW")) {
                    views.add(t[0]);
                    continue;
                }
                st.execute(showCreate(c, "TABLE", q));
                List<String> columns = insertable(c, source, t[0]);
                if (!columns.isEmpty()) {
                    String list = String.join(", ", columns);
                    st.execute("INSERT INTO " + db.kind().quote(t[0]) + " (" + list + ") SELECT " + list + " FROM " + q);
                }
            }
            for (String v : views) {
                try {
                    // the view's text names the source database: it is to read the copy instead
                    st.execute(showCreate(c, "VIEW", db.kind().quote(source) + "." + db.kind().quote(v))
                            .replace(db.kind().quote(source) + ".", ""));
                } catch (SQLException e) {
                    // a statement on it then fails in the trace, and says so
                }
            }
            st.execute("SET SESSION FOREIGN_KEY_CHECKS = 1");
        }
    }

    private static List<String[]> objects(Connection c, String schema) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2).contains("VIEW") ? "VIEW" : "TABLE"});
                }
            }
        }
        return out;
    }

    private static String showCreate(Connection c, String what, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW CREATE " + what + " " + name)) {
            rs.next();
            return rs.getString(2);
        }
    }

    /** The columns a row can be written to (not generated ones). */
    private List<String> insertable(Connection c, String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(2) == null ? "" : rs.getString(2).toUpperCase(java.util.Locale.ROOT);
                    if (!extra.contains("VIRTUAL") && !extra.contains("STORED") && !extra.contains("PERSISTENT")) {
                        out.add(db.kind().quote(rs.getString(1)));
                    }
                }
            }
        }
        return out;
    }

    private Record trace(ScratchDatabase copy, Connection c, Connection watch, long session, LockProbe probe,
                         ExecutorService executor, ParsedRange.Located l, String schema) {
        String untraceable = untraceable(l);
        if (untraceable != null) {
            return notTraced(l, untraceable);
        }
        String sql = l.parsed().statement().text().strip().replaceAll(";+\\s*$", "");
        String table = table(l);
        Map<String, Long> before = tableIds(watch, schema);
        String timeout = lockWaitTimeout(c);
        boolean alterable = ALTERABLE.matcher(sql).matches() && !ALGORITHM_GIVEN.matcher(sql).find();
        // a statement that gives its own ALGORITHM runs as written, under the lock level it asked for
        Attempt stated = alterable ? null : stated(sql);
        List<Attempt> attempts = alterable ? PREFERENCE
                : List.of(stated == null ? new Attempt(null, null, List.of()) : new Attempt(null, stated.mdl(), stated.blocks()));
        boolean grown = false;
        boolean refused = false;
        boolean probing = false;
        long rows = table == null ? 0 : count(c, db.kind().quote(table));
        for (Attempt attempt : attempts) {
            if (refused && !grown) {
                // not INSTANT: the statement works on the rows; grow them so that it can be watched at work
                grown = true;
                if (probed < PROBED_STATEMENTS && probeNanos < PROBE_BUDGET.toNanos() && older != null && table != null
                        && older.table(table).isPresent()) {
                    probed++;
                    probing = true;
                    grow(c, older.table(table).get());
                    rows = count(c, db.kind().quote(table));
                    probe.prepare(db.kind().quote(table));
                }
            }
            // ALTER TABLE takes the clauses as a list; CREATE/DROP INDEX as options after a space
            String text = attempt.clause() == null ? sql : IS_ALTER_TABLE.matcher(sql).matches()
                    ? sql + ", " + attempt.clause() : sql + " " + attempt.clause().replace(",", "");
            long started = System.nanoTime();
            Future<?> run = executor.submit(() -> {
                try (Statement st = c.createStatement()) {
                    st.execute(text);
                }
                return null;
            });
            LockTrace.Probe seen = null;
            List<Lock> observed = List.of();
            try {
                try {
                    run.get(probing ? 0 : SETTLE_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException working) {
                    if (probing && atWork(watch, session, run)) {
                        observed = metadataLocks(watch, session, schema);
                        seen = probe.probe(db.kind().quote(table), () -> !run.isDone() && inMainPhase(watch, session), true);
                    }
                    try {
                        run.get(Math.max(1, perStatement.toMillis()), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException tooLong) {
                        kill(watch, session);
                        waitFor(run);
                        return notTraced(l, "ran longer than " + perStatement.toMillis()
                                + " ms in the trace and was stopped: not measured");
                    }
                }
            } catch (ExecutionException e) {
                SQLException s = e.getCause() instanceof SQLException x ? x : null;
                if (attempt.clause() != null && s != null && NOT_SUPPORTED.contains(s.getErrorCode())) {
                    refused = true;
                    continue;
                }
                if (attempt.clause() != null && attempt != attempts.get(attempts.size() - 1)) {
                    continue; // the clause itself may be what it refuses; the statement as written is tried last
                }
                if (attempt.clause() != null) {
                    return runAsWritten(c, watch, l, sql, schema, before, timeout);
                }
                return notTraced(l, "failed in the trace: " + (s == null ? Errors.message(e.getCause()) : Errors.message(s)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return notTraced(l, "interrupted: not measured");
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            Map<String, Long> after = tableIds(watch, schema);
            boolean rewrite = before.isEmpty() ? attempt.clause() != null && attempt.clause().contains("COPY")
                    : rewritten(before, after);
            List<Lock> locks = !observed.isEmpty() ? observed : attempt.mdl() == null || table == null ? List.of()
                    : List.of(new Lock(attempt.mdl(), table));
            String algorithm = attempt.clause() != null ? attempt.clause().replace("ALGORITHM=", "")
                    : stated != null ? stated.clause().replace("ALGORITHM=", "") : null;
            return measured(l, new Measurement(locks, attempt.blocks(), rewrite, null, ms, seen, algorithm, rows, timeout, false));
        }
        return runAsWritten(c, watch, l, sql, schema, before, timeout);
    }

    /** A statement whose ALTER clauses the server refused every one of: as written, timed, without a probe. */
    private Record runAsWritten(Connection c, Connection watch, ParsedRange.Located l, String sql, String schema,
                                Map<String, Long> before, String timeout) {
        String table = table(l);
        long rows = table == null ? 0 : count(c, db.kind().quote(table));
        long started = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            return notTraced(l, "failed in the trace: " + Errors.message(e));
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        return measured(l, new Measurement(List.of(), List.of(), rewritten(before, tableIds(watch, schema)), null, ms,
                null, null, rows, timeout, false));
    }

    /** The session's {@code lock_wait_timeout} in seconds, as the statement runs under it; null when unreadable. */
    private static String lockWaitTimeout(Connection c) {
        try {
            return single(c, "SELECT @@lock_wait_timeout") + " s";
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Waits until the ALTER works on the rows ("copy to tmp table", "altering table"): before and after that it
     * holds an exclusive metadata lock for a moment (to prepare, to swap the table in), which a probe must not
     * mistake for the statement's lock. False when it ended first.
     */
    private boolean atWork(Connection watch, long session, Future<?> run) {
        long end = System.nanoTime() + perStatement.toNanos();
        while (!run.isDone() && System.nanoTime() < end) {
            if (inMainPhase(watch, session)) {
                return true;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean inMainPhase(Connection watch, long session) {
        try (PreparedStatement ps = watch.prepareStatement("SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                String state = rs.next() && rs.getString(1) != null ? rs.getString(1).toLowerCase(java.util.Locale.ROOT) : "";
                return state.contains("copy to tmp table") || state.equals("altering table");
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void grow(Connection c, SchemaSnapshot.TableShape shape) {
        // the copies are of rows the table holds already: no key to check, and one commit for all the rounds
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0");
            c.setAutoCommit(false);
            try {
                TableGrowth.grow(c, db.kind(), shape, GROW_TO, false);
                c.commit();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                st.execute("SET SESSION FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1");
            }
        } catch (SQLException e) {
            // the statement then runs on the seeded rows, too quickly to probe
        }
    }

    /** The metadata locks the DDL's session holds on the trace's tables, where the server keeps them; else empty. */
    private List<Lock> metadataLocks(Connection watch, long session, String schema) {
        List<String> queries = lockTable != null ? List.of(lockTable) : List.of(
                "SELECT m.LOCK_TYPE, m.OBJECT_NAME FROM performance_schema.metadata_locks m"
                        + " JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID"
                        + " WHERE t.PROCESSLIST_ID = ? AND m.OBJECT_TYPE = 'TABLE' AND m.OBJECT_SCHEMA = ?"
                        + " AND m.LOCK_STATUS = 'GRANTED'",
                "SELECT LOCK_MODE, TABLE_NAME FROM information_schema.METADATA_LOCK_INFO"
                        + " WHERE THREAD_ID = ? AND TABLE_SCHEMA = ?");
        for (String q : queries) {
            List<Lock> out = new ArrayList<>();
            try (PreparedStatement ps = watch.prepareStatement(q)) {
                ps.setLong(1, session);
                ps.setString(2, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String relation = rs.getString(2);
                        if (relation != null && !relation.startsWith("#sql")) {
                            out.add(new Lock(rs.getString(1).replaceFirst("^MDL_", ""), relation));
                        }
                    }
                }
                lockTable = q;
                return out;
            } catch (SQLException notKept) {
                // performance_schema off, plugin absent: the next, else the algorithm's lock level
            }
        }
        return List.of();
    }

    /** name -> InnoDB table id (MySQL 8: INNODB_TABLES; MariaDB: INNODB_SYS_TABLES); empty when not readable. */
    private static Map<String, Long> tableIds(Connection c, String schema) {
        for (String view : List.of("INNODB_TABLES", "INNODB_SYS_TABLES")) {
            try {
                return ids(c, "SELECT SUBSTRING_INDEX(NAME, '/', -1), TABLE_ID FROM information_schema." + view
                        + " WHERE NAME LIKE '" + schema + "/%'");
            } catch (SQLException absent) {
                // the other server's name, or no PROCESS privilege
            }
        }
        return Map.of();
    }



    private static void kill(Connection watch, long session) {
        try (Statement st = watch.createStatement()) {
            st.execute("KILL QUERY " + session);
        } catch (SQLException gone) {
            // it ended meanwhile
        }
    }

    private static void waitFor(Future<?> run) {
        try {
            run.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException stopped) {
            // stopped as asked
        }
    }
}
