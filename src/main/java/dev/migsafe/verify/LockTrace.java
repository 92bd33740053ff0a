package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * Measures, on the seeded older schema, what each statement of the range does: the locks it takes, what
 * of other sessions they block (a second session's probe is the ground truth where it ran), whether it
 * rewrote a table and how long it ran. One implementation per server family ({@link PostgresLockTrace},
 * {@link MysqlLockTrace}); the records and the common checks are here.
 */
public abstract class LockTrace {

    /**
     * One statement's measurement.
     *
     * @param locks      the locks it took (PostgreSQL's relation lock modes, MySQL's metadata lock types)
     * @param blocks     what of other sessions waits for them: {@code select}, {@code write}
     * @param note       why it was not traced, or null
     * @param probe      what a second session saw while the statement held its locks, or null when not probed
     * @param algorithm  MySQL/MariaDB: the ALTER algorithm and lock level the server accepted
     *                   ({@code INSTANT}, {@code INPLACE, LOCK=NONE}, {@code COPY, LOCK=SHARED}), else null
     * @param sampleRows rows of the statement's table when it was measured (0 when unknown)
     * @param scan       PostgreSQL: whether it read a whole table (a sequential scan, e.g. to validate a
     *                   constraint or build an index) while its transaction held a lock on it that blocks writes;
     *                   null where this is not measured (MySQL/MariaDB, a statement not traced)
     * @param estimate   its lock duration at production size ({@code --table-stats}/{@code --history-url}), or null
     * @param lockTimeout the lock timeout in force when it ran ({@code 0} is none), or null when not read
     * @param heldUntilCommit its locks last until its transaction commits (PostgreSQL, a statement its tool runs in a
     *                   transaction), or only while it runs (MySQL/MariaDB DDL, a statement its tool runs on its own)
     */
    public record Record(String migration, String file, int line, String statement, List<Lock> locks,
                         List<String> blocks, boolean rewrite, Boolean scan, long durationMs, String note, Probe probe,
                         String algorithm, String table, long sampleRows, String estimate, String lockTimeout,
                         boolean heldUntilCommit) {
        public boolean blocksWrites() {
            return blocks.contains("write");
        }

        /**
         * Whether it blocks writes with a lock it takes itself, not only with one an earlier statement of its
         * transaction took (that one is the earlier statement's to answer for).
         */
        public boolean blocksWritesItself() {
            return blocksWrites() && (locks.stream().noneMatch(Lock::held)
                    || PostgresLockTrace.blocks(locks.stream().filter(l -> !l.held()).toList()).contains("write"));
        }

        public Record withText(UnaryOperator<String> edit) {
            return new Record(migration, file, line, edit.apply(statement), locks, blocks, rewrite, scan, durationMs,
                    note == null ? null : edit.apply(note), probe, algorithm, table, sampleRows, estimate, lockTimeout, heldUntilCommit);
        }

        Record withNote(String text) {
            return new Record(migration, file, line, statement, locks, blocks, rewrite, scan, durationMs, text, probe,
                    algorithm, table, sampleRows, estimate, lockTimeout, heldUntilCommit);
        }

        Record withEstimate(String text) {
            return new Record(migration, file, line, statement, locks, blocks, rewrite, scan, durationMs, note, probe,
                    algorithm, table, sampleRows, text, lockTimeout, heldUntilCommit);
        }

        /** Whether the server refused it inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM ...). */
        public boolean refusedInTransaction() {
            return note != null && note.startsWith(NOT_IN_TRANSACTION);
        }

        /**
         * Whether its own work is short and its wait bounded: no rewrite, a whole-table read measured not to happen
         * (PostgreSQL; unknown on MySQL, where an INPLACE build under LOCK=SHARED works as long as the table is big),
         * and a lock timeout of at most {@link #SHORT_TIMEOUT} in force, so it cannot queue the table's sessions
         * behind a long transaction for longer than that. What runs after it in its transaction is the caller's to
         * weigh: the lock is held until the commit.
         */
        public boolean briefAndBounded() {
            return !rewrite && Boolean.FALSE.equals(scan) && shortTimeout(lockTimeout);
        }

        /** Whether it took a lock that blocks other sessions' reads or writes with no lock timeout in force. */
        public boolean blocksWithoutTimeout() {
            return !blocks.isEmpty() && noTimeout(lockTimeout);
        }
    }

    /**
     * @param held its transaction took it already with an earlier statement, on a table this statement works on:
     *             the statement needs it, and others wait for it, though it adds nothing new
     */
    public record Lock(String mode, String relation, boolean held) {
        public Lock(String mode, String relation) {
            this(mode, relation, false);
        }
    }

    /**
     * What a second session saw: {@code blocked}, {@code not blocked}, or null when that operation was not tried.
     *
     * @param note why the probe could not tell, or null
     */
    public record Probe(String select, String write, String note) {
        public static final String BLOCKED = "blocked";
        public static final String PASSED = "not blocked";

        /** The probe's word on {@code blocks}: its observations replace what the lock modes predict. */
        List<String> correct(List<String> predicted) {
            Set<String> out = new LinkedHashSet<>(predicted);
            apply(out, "select", select);
            apply(out, "write", write);
            return List.copyOf(out);
        }

        private static void apply(Set<String> out, String op, String seen) {
            if (BLOCKED.equals(seen)) {
                out.add(op);
            } else if (PASSED.equals(seen)) {
                out.remove(op);
            }
        }
    }

    /** What the trace found, the lock timeout it ran under, and how it ran (for the step's summary). */
    record Result(List<Record> records, String lockTimeout, String how) {
    }

    /** The note of a statement the server refuses inside a transaction block. */
    static final String NOT_IN_TRANSACTION = "cannot run inside a transaction";
    /** PostgreSQL's {@code 0} (or {@code 0ms}): no lock timeout. */
    private static final java.util.regex.Pattern NO_TIMEOUT = java.util.regex.Pattern.compile("0(ms|s)?");

    /** The longest lock timeout that still keeps a waiting DDL from stalling a table's traffic for long. */
    static final java.time.Duration SHORT_TIMEOUT = java.time.Duration.ofMinutes(1);
    /** A lock timeout as the servers show it: PostgreSQL {@code 5s}, {@code 500ms}, {@code 1min}; the trace's MySQL {@code 50 s}. */
    private static final java.util.regex.Pattern TIMEOUT = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)?");

    /** Whether a lock timeout as the server shows it is set and at most {@link #SHORT_TIMEOUT}; false when not read. */
    static boolean shortTimeout(String lockTimeout) {
        java.util.regex.Matcher m = lockTimeout == null ? null : TIMEOUT.matcher(lockTimeout.trim());
        if (m == null || !m.matches()) {
            return false;
        }
        long n = Long.parseLong(m.group(1));
        long ms = switch (m.group(2) == null ? "ms" : m.group(2)) { // PostgreSQL's bare number is milliseconds
            case "s" -> n * 1000;
            case "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            case "d" -> n * 86_400_000;
            default -> n;
        };
        return ms > 0 && ms <= SHORT_TIMEOUT.toMillis();
    }

    /** Whether a lock timeout as the server shows it means none ({@code 0}); false when not read. */
    static boolean noTimeout(String lockTimeout) {
        return lockTimeout != null && NO_TIMEOUT.matcher(lockTimeout).matches();
    }


    protected final ScratchDatabase db;
    /** How long one statement may run in the trace: the trace measures, it must not eat the run's time */
    protected final java.time.Duration perStatement;
    protected final SchemaSnapshot older;
    /** Production row counts: tables of the statements that would rewrite them are grown to measure a rate */
    protected final TableStats stats;

    protected LockTrace(ScratchDatabase db, java.time.Duration perStatement, SchemaSnapshot older, TableStats stats) {
        this.db = db;
        this.perStatement = perStatement;
        this.older = older;
        this.stats = stats == null ? TableStats.NONE : stats;
    }

    /** @param copy PostgreSQL: a copy of the seeded database the trace may commit in, or null to roll back everything */
    static LockTrace of(ScratchDatabase db, ScratchDatabase copy, java.time.Duration perStatement, SchemaSnapshot older,
                        TableStats stats) {
        return db.kind().isPostgres() ? new PostgresLockTrace(db, copy, perStatement, older, stats)
                : new MysqlLockTrace(db, perStatement, older, stats);
    }

    abstract Result run(ParsedRange range) throws SQLException;

    /** Why a statement cannot be traced from its text (a Liquibase change, placeholders), or null. */
    static String untraceable(ParsedRange.Located l) {
        if (l.migration().preparedUp() != null) {
            return "a Liquibase change: not traced";
        }
        if (l.parsed().statement().text().contains("${")) {
            return "has placeholders: not traced";
        }
        return null;
    }

    static Record notTraced(ParsedRange.Located l, String note) {
        Migration m = l.migration();
        ParsedStatement ps = l.parsed();
        return new Record(m.id(), ps.statement().file(), ps.statement().line(), ps.statement().text(), List.of(),
                List.of(), false, null, 0, note, null, null, table(l), 0, null, null, false);
    }

    /** What the trace measured of one statement; {@code blocks} as the lock modes predict, corrected by the probe. */
    /** @param untilCommit its locks last until its transaction commits (PostgreSQL, its tool wraps it), else while it runs */
    record Measurement(List<Lock> locks, List<String> blocks, boolean rewrite, Boolean scan, long ms, Probe probe,
                       String algorithm, long sampleRows, String lockTimeout, boolean untilCommit) {
    }

    static Record measured(ParsedRange.Located l, Measurement m) {
        Migration mig = l.migration();
        ParsedStatement ps = l.parsed();
        return new Record(mig.id(), ps.statement().file(), ps.statement().line(), ps.statement().text(), m.locks(),
                m.probe() == null ? m.blocks() : m.probe().correct(m.blocks()), m.rewrite(), m.scan(), m.ms(), null,
                m.probe(), m.algorithm(), table(l), m.sampleRows(), null, m.lockTimeout(), m.untilCommit());
    }

    /** The table the statement is about ({@code orders} of {@code orders.total}), or null. */
    static String table(ParsedRange.Located l) {
        return l.parsed().changes().stream().map(ch -> ch.target()).filter(t -> t != null && !t.isBlank())
                .map(LockTrace::tableOf).findFirst().orElse(null);
    }

    /** The table of a change's target: {@code orders} of {@code orders.total}. */
    static String tableOf(String target) {
        return target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    }

    /** Whether a relation that exists before and after has a new storage id: it was rewritten or rebuilt. */
    static boolean rewritten(Map<String, Long> before, Map<String, Long> after) {
        return before.entrySet().stream()
                .anyMatch(e -> after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()));
    }

    /** name -> storage id from a query of two columns. */
    static Map<String, Long> ids(Connection c, String query) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** The first column of the first row a query returns, or null when it returns none. */
    static String single(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long count(Connection c, String quotedTable) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quotedTable)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    static List<String> nonNull(List<String> l) {
        return l == null ? new ArrayList<>() : l;
    }
}
