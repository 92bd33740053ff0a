package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * Measures, on PostgreSQL, what each statement of the range does to the seeded older schema: the
 * relation locks its backend holds after it ({@code pg_locks}), whether it rewrote a table or index
 * ({@code relfilenode} before and after) and how long it ran. Everything runs in transactions that are
 * rolled back, each statement under a savepoint (a statement that fails is rolled back to it and the
 * trace goes on), so the database is left as it was for {@code apply range}.
 *
 * <p>Each migration is traced in its own transaction, as its tool runs it, so the locks of its earlier
 * statements stay held until its end: a statement's record lists the locks it added. Statements
 * that cannot run in a transaction block (CREATE INDEX CONCURRENTLY, VACUUM) and Liquibase changeSets
 * (not SQL text) are listed as not traced.
 */
public final class LockTrace {

    /**
     * One statement's measurement.
     *
     * @param locks  the relation locks it took that its migration did not hold yet (PostgreSQL's mode names)
     * @param blocks what of other sessions waits for them: {@code select}, {@code write}
     * @param note   why it was not traced, or null
     */
    public record Record(String migration, String file, int line, String statement, List<Lock> locks,
                         List<String> blocks, boolean rewrite, long durationMs, String note) {
        public boolean blocksWrites() {
            return blocks.contains("write");
        }

        public Record withText(java.util.function.UnaryOperator<String> edit) {
            return new Record(migration, file, line, edit.apply(statement), locks, blocks, rewrite, durationMs,
                    note == null ? null : edit.apply(note));
        }
    }

    public record Lock(String mode, String relation) {
    }

    /** What the trace found, and the lock_timeout it ran under. */
    record Result(List<Record> records, String lockTimeout) {
    }

    private static final String USER_RELATIONS = "SELECT c.oid::regclass::text, c.relfilenode FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'i', 'm', 'p')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            + " AND n.nspname NOT LIKE 'pg_temp%'";
    private static final String OWN_LOCKS = "SELECT l.mode, l.relation::regclass::text FROM pg_locks l"
            + " JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";

    /** Up to this many migrations, each is traced after the earlier ones are replayed in its transaction. */
    static final int REPLAYED_MIGRATIONS = 20;

    private final ScratchDatabase db;
    /** How long one statement may run in the trace (statement_timeout): the trace measures, it must not eat the run's time */
    private final java.time.Duration perStatement;

    LockTrace(ScratchDatabase db, java.time.Duration perStatement) {
        this.db = db;
        this.perStatement = perStatement;
    }

    Result run(ParsedRange range) throws SQLException {
        // the tool commits each migration, releasing its locks: each migration is traced in a transaction of
        // its own, after the earlier ones are replayed in it (unmeasured), and rolled back
        Map<Migration, List<ParsedRange.Located>> byMigration = new java.util.LinkedHashMap<>();
        range.statements().forEach(l -> byMigration.computeIfAbsent(l.migration(), k -> new ArrayList<>()).add(l));
        List<Record> records = new ArrayList<>();
        try (Connection c = db.connect()) {
            String timeout = show(c, "lock_timeout");
            try (Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = " + Math.max(1, perStatement.toMillis()));
            }
            c.setAutoCommit(false);
            if (byMigration.size() > REPLAYED_MIGRATIONS) {
                // replaying costs the square of a long range: one transaction instead, in which the locks of
                // earlier migrations stay held (statements they mask are listed as not measured)
                try {
                    Set<Lock> held = new LinkedHashSet<>(locks(c));
                    for (List<ParsedRange.Located> migration : byMigration.values()) {
                        Set<String> before = relations(held);
                        for (ParsedRange.Located l : migration) {
                            records.add(trace(c, l, held, before));
                        }
                    }
                } finally {
                    c.rollback();
                }
                return new Result(records, timeout);
            }
            List<ParsedRange.Located> earlier = new ArrayList<>();
            for (List<ParsedRange.Located> migration : byMigration.values()) {
                try {
                    for (ParsedRange.Located l : earlier) {
                        replay(c, l);
                    }
                    Set<Lock> held = new LinkedHashSet<>(locks(c));
                    Set<String> replayed = relations(held);
                    for (ParsedRange.Located l : migration) {
                        records.add(trace(c, l, held, replayed));
                    }
                } finally {
                    c.rollback();
                }
                earlier.addAll(migration);
            }
            return new Result(records, timeout);
        }
    }

    /** Runs an earlier statement unmeasured; one that fails (or cannot run here) is skipped, as its trace said. */
    private static void replay(Connection c, ParsedRange.Located l) throws SQLException {
        String sql = l.parsed().statement().text();
        if (l.migration().preparedUp() != null || sql.contains("${")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT migsafe_replay");
            try {
                st.execute(sql);
                st.execute("RELEASE SAVEPOINT migsafe_replay");
            } catch (SQLException e) {
                st.execute("ROLLBACK TO SAVEPOINT migsafe_replay");
            }
        }
    }

    /**
     * @param replayed relations the replay of earlier migrations locked: a statement on one of them that adds
     *                 no lock may need one all the same, which this transaction cannot show
     */
    private Record trace(Connection c, ParsedRange.Located located, Set<Lock> held, Set<String> replayed)
            throws SQLException {
        Migration m = located.migration();
        ParsedStatement ps = located.parsed();
        String sql = ps.statement().text();
        String file = ps.statement().file();
        int line = ps.statement().line();
        if (m.preparedUp() != null) {
            return notTraced(m, file, line, sql, "a Liquibase change: not traced");
        }
        if (sql.contains("${")) {
            return notTraced(m, file, line, sql, "has placeholders: not traced");
        }
        Map<String, Long> before = fileNodes(c);
        long started = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT migsafe_trace");
            try {
                st.execute(sql);
            } catch (SQLException e) {
                st.execute("ROLLBACK TO SAVEPOINT migsafe_trace");
                String why = "25001".equals(e.getSQLState()) ? "cannot run inside a transaction: not traced"
                        : "57014".equals(e.getSQLState()) ? "ran longer than " + perStatement.toMillis()
                        + " ms in the trace and was stopped: not measured"
                        : "failed in the trace: " + Errors.message(e);
                return notTraced(m, file, line, sql, why);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            st.execute("RELEASE SAVEPOINT migsafe_trace");
            List<Lock> added = new ArrayList<>();
            for (Lock l : locks(c)) {
                // a relation made by this migration is invisible to other sessions until it commits
                if (held.add(l) && before.containsKey(l.relation())) {
                    added.add(l);
                }
            }
            if (added.isEmpty()) {
                List<String> masked = ps.changes().stream().map(ch -> ch.target()).filter(replayed::contains).distinct()
                        .toList();
                if (!masked.isEmpty()) {
                    return notTraced(m, file, line, sql, "not measured: " + String.join(", ", masked) + " is already"
                            + " locked by the replay of an earlier migration in the trace");
                }
            }
            Map<String, Long> after = fileNodes(c);
            boolean rewrite = before.entrySet().stream()
                    .anyMatch(e -> after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()));
            return new Record(m.id(), file, line, sql, added, blocks(added), rewrite, ms, null);
        }
    }

    private static Set<String> relations(Set<Lock> locks) {
        Set<String> out = new HashSet<>();
        locks.forEach(l -> out.add(l.relation()));
        return out;
    }

    private static Record notTraced(Migration m, String file, int line, String sql, String note) {
        return new Record(m.id(), file, line, sql, List.of(), List.of(), false, 0, note);
    }

    /** What plain reads (ACCESS SHARE) and writes (ROW EXCLUSIVE) of other sessions wait for, per PostgreSQL's conflict table. */
    static List<String> blocks(List<Lock> locks) {
        Set<String> out = new LinkedHashSet<>();
        for (Lock l : locks) {
            switch (l.mode()) {
                case "AccessExclusiveLock" -> {
                    out.add("select");
                    out.add("write");
                }
                case "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock" -> out.add("write");
                default -> {
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Lock> locks(Connection c) throws SQLException {
        List<Lock> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(OWN_LOCKS)) {
            while (rs.next()) {
                out.add(new Lock(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    private static Map<String, Long> fileNodes(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(USER_RELATIONS)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
