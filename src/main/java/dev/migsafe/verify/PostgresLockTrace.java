package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.rules.locking.Transactions;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * The lock trace on PostgreSQL: the relation locks a statement's backend holds after it ({@code pg_locks}),
 * whether it rewrote a table or index ({@code relfilenode} before and after), whether it read a whole table
 * under a lock that blocks writes ({@code pg_stat_xact_user_tables}), the lock timeout in force, how long it
 * ran, and, while its transaction holds the locks, what a second session's read and write of the table saw.
 * Everything runs in transactions that are rolled back, each statement under a savepoint (a statement that
 * fails is rolled back to it and the trace goes on), so the database is left as it was for {@code apply range}.
 *
 * <p>The range is cut where its tools commit ({@link Transactions}): each unit, the statements a tool runs in
 * one transaction or one it runs on its own, is traced in a transaction of its own, so the locks of its earlier
 * statements stay held until its end: a statement's record lists the locks it added. A statement refused in a
 * transaction that its tool runs on its own is measured so ({@link OutsideTransaction}); Liquibase changeSets
 * (not SQL text) are listed as not traced.
 */
final class PostgresLockTrace extends LockTrace {

    /** A relation before the statement: its name then (a rename changes it), storage and kind. */
    private record Relation(String name, long fileNode, String kind) {
        boolean isTable() {
            return kind.equals("r") || kind.equals("p");
        }
    }

    private static final String USER_RELATIONS = "SELECT c.oid, c.oid::regclass::text, c.relfilenode, c.relkind"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'i', 'm', 'p')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            + " AND n.nspname NOT LIKE 'pg_temp%'";
    /** A relation this transaction dropped has no pg_class row any more: its lock is kept (by id). */
    private static final String OWN_LOCKS = "SELECT l.mode, l.relation::regclass::text, l.relation::oid FROM pg_locks l"
            + " LEFT JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted AND l.database = ("
            + "SELECT oid FROM pg_database WHERE datname = current_database()) AND (c.oid IS NULL"
            + " OR (n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'))";

    /** This transaction's sequential scans per relation id so far (its own statistics, not yet flushed). */
    private static final String SEQUENTIAL_SCANS = "SELECT relid, seq_scan FROM pg_stat_xact_user_tables";

    /** A lock this transaction holds, by relation id (names change with a rename). */
    private record Held(String mode, long oid) {
    }

    /**
     * At most this many statements are probed from a second session: a blocked operation is seen waiting in
     * milliseconds, as the statement holds its locks in an open transaction.
     */
    static final int PROBED_STATEMENTS = 20;
    /** Up to this many units (transactions of the tools), each is traced after the earlier ones are replayed in its own. */
    static final int REPLAYED_UNITS = 20;
    private static final String ROLLED_BACK = "on the seeded older schema, each transaction of the range rolled back";
    /** The note of a statement refused in a transaction that its tool runs on its own. */
    static final String RUNS_OUTSIDE = "runs outside a transaction, as its tool runs it: not traced";
    /** Rows a table is grown to, when production sizes are known, to measure a rate per row. */
    static final long GROW_TO = 20_000;

    private int probed;

    /** A copy of the seeded database to commit in, or null: everything is rolled back in {@link #db}. */
    private final ScratchDatabase copy;

    PostgresLockTrace(ScratchDatabase db, ScratchDatabase copy, java.time.Duration perStatement, SchemaSnapshot older,
                      TableStats stats) {
        super(db, perStatement, older, stats);
        this.copy = copy;
    }

    /**
     * Statements their tool runs in one transaction, or one statement it runs on its own: the locks they take are
     * held until the unit ends.
     *
     * @param wrapped per statement, why its tool runs it in a transaction, or null when it runs on its own
     */
    private record Unit(List<ParsedRange.Located> statements, List<String> wrapped) {
        boolean onItsOwn() {
            return statements.size() == 1 && wrapped.get(0) == null;
        }
    }

    @Override
    Result run(ParsedRange range) throws SQLException {
        // what a range changes for the whole server (roles, tablespaces) would outlive the copy if committed
        boolean serverWide = range.statements().stream()
                .anyMatch(l -> SERVER_WIDE.matcher(l.parsed().statement().text()).find());
        return copy != null && !serverWide ? committing(range) : replaying(range);
    }

    /** Statements whose effect is on the server, not the database: committed on a copy, they would stay. */
    private static final java.util.regex.Pattern SERVER_WIDE = java.util.regex.Pattern.compile(
            "(?is)^\\s*((CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP|TABLESPACE|DATABASE)\\b|ALTER\\s+SYSTEM\\b"
                    + "|COMMENT\\s+ON\\s+(ROLE|DATABASE|TABLESPACE)\\b|SECURITY\\s+LABEL\\b.*\\bON\\s+(ROLE|DATABASE|TABLESPACE)\\b"
                    + "|GRANT\\s+(?!.*\\bON\\b)|REVOKE\\s+(?!.*\\bON\\b))");

    /**
     * On a copy of the seeded database, the range as its tools run it: each unit traced in its transaction, then
     * committed, so that its locks end and the next unit finds its changes, as in the deploy.
     */
    private Result committing(ParsedRange range) throws SQLException {
        List<Record> records = new ArrayList<>();
        try (Connection c = copy.connect(); LockProbe probe = new LockProbe(copy)) {
            String timeout = prepare(c);
            List<Unit> units = units(c, range);
            c.setAutoCommit(false);
            for (Unit unit : units) {
                // a failure while tracing ends the step, as in replaying(); only the commit's own is noted
                traceUnit(c, probe, unit, new LinkedHashSet<>(locks(c)), records);
                try {
                    c.commit();
                } catch (SQLException atCommit) {
                    // a deferred constraint, say: the unit's changes are gone, as in the deploy; the trace goes on
                    int last = records.size() - 1;
                    records.set(last, records.get(last).withNote("failed at its transaction's commit: "
                            + Errors.message(atCommit)));
                    c.rollback(); // what the failure left
                }
                measureOnItsOwn(c, unit, records, copy, false);
            }
            return new Result(records, timeout, "on a copy of the seeded older schema, each transaction of the range"
                    + " committed as its tool commits it (the copy is dropped afterwards)");
        }
    }

    /**
     * On the seeded database itself, nothing committed: each unit traced in a transaction of its own after the
     * earlier ones are replayed in it, then rolled back.
     */
    private Result replaying(ParsedRange range) throws SQLException {
        List<Record> records = new ArrayList<>();
        try (Connection c = db.connect(); LockProbe probe = new LockProbe(db)) {
            String timeout = prepare(c);
            List<Unit> units = units(c, range);
            c.setAutoCommit(false);
            if (units.size() > REPLAYED_UNITS) {
                // replaying costs the square of a long range: one transaction instead, in which the locks of
                // earlier units stay held (statements they mask are listed as not measured)
                try {
                    Set<Held> held = new LinkedHashSet<>(locks(c));
                    for (Unit unit : units) {
                        traceUnit(c, probe, unit, held, records);
                    }
                } finally {
                    c.rollback();
                }
                return new Result(records, timeout, ROLLED_BACK);
            }
            // the tool commits each unit, releasing its locks: each is traced in a transaction of its own, after the
            // earlier ones are replayed in it (unmeasured), and rolled back
            List<ParsedRange.Located> earlier = new ArrayList<>();
            for (Unit unit : units) {
                try {
                    for (ParsedRange.Located l : earlier) {
                        replay(c, l);
                    }
                    traceUnit(c, probe, unit, new LinkedHashSet<>(locks(c)), records);
                } finally {
                    c.rollback();
                }
                measureOnItsOwn(c, unit, records, db, true);
                earlier.addAll(unit.statements());
            }
            return new Result(records, timeout, ROLLED_BACK);
        }
    }

    /** Rows of the table, under a savepoint: a table that does not exist (yet) must not abort the transaction. */
    private long countSafely(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT migsafe_count");
            long rows = count(c, db.kind().quote(table));
            st.execute("ROLLBACK TO SAVEPOINT migsafe_count");
            st.execute("RELEASE SAVEPOINT migsafe_count");
            return rows;
        }
    }

    /** The trace's session: the lock timeout in force (for the summary), and a statement timeout of its own. */
    private String prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET statement_timeout = " + Math.max(1, perStatement.toMillis()));
        }
        return "lock_timeout " + single(c, "SHOW lock_timeout");
    }

    /**
     * A unit of one statement refused in a transaction, which its tool runs on its own: measured so, on the
     * committed schema, once the trace's transaction has ended.
     */
    private void measureOnItsOwn(Connection c, Unit unit, List<Record> records, ScratchDatabase on, boolean undo)
            throws SQLException {
        Record last = records.get(records.size() - 1);
        if (unit.onItsOwn() && RUNS_OUTSIDE.equals(last.note())) {
            // the tool's session runs it with the lock timeout the migrations left it; no transaction stays open
            // on the trace's session (a concurrent index build waits for every open one)
            String lockTimeout = single(c, "SHOW lock_timeout");
            c.rollback();
            records.set(records.size() - 1, OutsideTransaction.measure(on, unit.statements().get(0), perStatement, undo,
                    lockTimeout));
        }
    }

    /** The range cut where its tools commit: per migration, its transactions and the statements run on their own. */
    private static List<Unit> units(Connection c, ParsedRange range) throws SQLException {
        Map<Migration, List<ParsedRange.Located>> byMigration = new LinkedHashMap<>();
        range.statements().forEach(l -> byMigration.computeIfAbsent(l.migration(), k -> new ArrayList<>()).add(l));
        ServerVersion server;
        try {
            server = ServerVersion.parse(Dialect.POSTGRESQL, c.getMetaData().getDatabaseProductVersion());
        } catch (IllegalArgumentException unusual) { // 17beta1, 16devel
            server = ServerVersion.POSTGRES_DEFAULT;
        }
        List<Unit> units = new ArrayList<>();
        for (List<ParsedRange.Located> migration : byMigration.values()) {
            Migration m = migration.get(0).migration();
            if (m.preparedUp() != null || m.up() == null) {
                // a Liquibase changeSet runs in a transaction (its statements are not traced: not SQL text)
                units.add(new Unit(migration, java.util.Collections.nCopies(migration.size(), "its tool wraps it")));
                continue;
            }
            Transactions tx = Transactions.of(m, m.up(), migration.stream().map(ParsedRange.Located::parsed).toList(), server);
            List<ParsedRange.Located> statements = new ArrayList<>();
            List<String> wrapped = new ArrayList<>();
            for (int i = 0; i < migration.size(); i++) {
                if (i > 0 && !tx.sameTransaction(i - 1, i)) {
                    units.add(new Unit(statements, wrapped));
                    statements = new ArrayList<>();
                    wrapped = new ArrayList<>();
                }
                statements.add(migration.get(i));
                wrapped.add(tx.why(i));
            }
            units.add(new Unit(statements, wrapped));
        }
        return units;
    }

    /**
     * Traces one unit's statements in the open transaction.
     *
     * @param held the locks the transaction holds already (from the replay of earlier units, or from them in the
     *             same transaction): a statement's record lists the locks it adds
     */
    private void traceUnit(Connection c, LockProbe probe, Unit unit, Set<Held> held, List<Record> records)
            throws SQLException {
        // what other sessions can see: the relations committed before the unit, not the ones it creates
        Set<Long> visible = relations(c).keySet();
        grow(c, unit.statements());
        Set<Held> own = new LinkedHashSet<>();
        for (int i = 0; i < unit.statements().size(); i++) {
            ParsedRange.Located l = unit.statements().get(i);
            if (Transactions.control(l.parsed()) != null) {
                // the trace keeps its own transaction: a COMMIT sent here would keep the migration's changes
                records.add(notTraced(l, "transaction control: the trace keeps the migration in its own transaction"));
                continue;
            }
            records.add(trace(c, probe, l, held, own, visible, unit.wrapped().get(i)));
        }
    }

    /** With production sizes known, the migration's tables are grown (in its transaction) to measure a rate. */
    private void grow(Connection c, List<ParsedRange.Located> migration) {
        if (stats.isEmpty() || older == null) {
            return;
        }
        migration.stream().map(LockTrace::table).filter(t -> t != null && stats.rows(t) > GROW_TO).distinct()
                .forEach(t -> older.table(t).ifPresent(shape -> TableGrowth.grow(c, db.kind(), shape, GROW_TO, true)));
    }

    /** Runs an earlier statement unmeasured; one that fails (or cannot run here) is skipped, as its trace said. */
    private static void replay(Connection c, ParsedRange.Located l) throws SQLException {
        if (untraceable(l) != null || Transactions.control(l.parsed()) != null) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT migsafe_replay");
            try {
                st.execute(l.parsed().statement().text());
                st.execute("RELEASE SAVEPOINT migsafe_replay");
            } catch (SQLException e) {
                st.execute("ROLLBACK TO SAVEPOINT migsafe_replay");
            }
        }
    }

    /**
     * @param held    every lock the trace's transaction holds: a statement's record lists the ones it adds
     * @param own     the locks its unit took: the rest (earlier units', the replay's) are held only because the
     *                trace does not commit, and a statement that needs one of them again cannot show it
     * @param visible the relations other sessions see (by id): a lock on a relation the unit made itself blocks
     *                nobody until it commits
     * @param wrapped why its tool runs it in a transaction, or null when it runs on its own
     */
    private Record trace(Connection c, LockProbe probe, ParsedRange.Located located, Set<Held> held, Set<Held> own,
                         Set<Long> visible, String wrapped) throws SQLException {
        String untraceable = untraceable(located);
        if (untraceable != null) {
            return notTraced(located, untraceable);
        }
        ParsedStatement ps = located.parsed();
        Map<Long, Relation> before = relations(c);
        // what the transaction really holds (earlier statements', the replay's): the probe is only meaningful on a
        // table nothing of that blocks already
        List<Held> physical = locks(c);
        String table = table(located);
        long rows = stats.isEmpty() || table == null ? 0 : countSafely(c, table);
        String lockTimeout = single(c, "SHOW lock_timeout");
        Map<Long, Long> scansBefore = scans(c);
        Set<Held> ownBefore = Set.copyOf(own);
        try (Statement st = c.createStatement()) {
            // again before every statement: one of the migration's own (SET statement_timeout = 0) must not lift it
            st.execute("SET statement_timeout = " + Math.max(1, perStatement.toMillis()));
        }
        long started = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT migsafe_trace");
            try {
                st.execute(ps.statement().text());
            } catch (SQLException e) {
                st.execute("ROLLBACK TO SAVEPOINT migsafe_trace");
                boolean refused = "25001".equals(e.getSQLState()) && String.valueOf(e.getMessage())
                        .contains("cannot run inside a transaction block"); // not SET TRANSACTION's 25001
                String why = refused ? wrapped == null ? RUNS_OUTSIDE
                        : NOT_IN_TRANSACTION + " block, and " + wrapped + ": the deploy fails here"
                        : "57014".equals(e.getSQLState()) ? "ran longer than " + perStatement.toMillis()
                        + " ms in the trace and was stopped: not measured"
                        : "failed in the trace: " + Errors.message(e);
                return notTraced(located, why);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            st.execute("RELEASE SAVEPOINT migsafe_trace");
            List<Lock> added = new ArrayList<>();
            List<Relation> probeOn = new ArrayList<>();
            for (Held l : locks(c)) {
                Relation r = before.get(l.oid());
                if (held.add(l) && own.add(l) && r != null && visible.contains(l.oid())) {
                    added.add(new Lock(l.mode(), r.name()));
                    if (r.isTable() && !blocks(List.of(new Lock(l.mode(), r.name()))).isEmpty()
                            && blocks(heldOn(physical, l.oid())).isEmpty() && !probeOn.contains(r)) {
                        probeOn.add(r);
                    }
                }
            }
            List<Lock> already = heldAlready(ownBefore, added, before, visible, ps);
            if (added.isEmpty() && already.isEmpty()) {
                Set<Held> others = new LinkedHashSet<>(held);
                others.removeAll(own);
                Set<String> earlier = relations(c, others);
                List<String> masked = targets(ps).stream().filter(t -> earlier.stream().anyMatch(r -> names(Set.of(t), r)))
                        .map(LockTrace::tableOf).distinct().toList();
                if (!masked.isEmpty()) {
                    return notTraced(located, "not measured: " + String.join(", ", masked) + " is already"
                            + " locked by an earlier statement the trace holds in its transaction (its tool commits it)");
                }
            }
            Map<Long, Relation> after = relations(c);
            boolean rewrite = before.entrySet().stream().anyMatch(e -> visible.contains(e.getKey())
                    && after.containsKey(e.getKey()) && after.get(e.getKey()).fileNode() != e.getValue().fileNode());
            boolean scan = scannedUnderWriteLock(scans(c), scansBefore, own, visible);
            List<Lock> locks = new ArrayList<>(added);
            locks.addAll(already);
            return measured(located, new Measurement(locks, blocks(locks), rewrite, scan, ms, probe(probe, probeOn), null,
                    rows, lockTimeout, wrapped != null));
        }
    }

    /**
     * The blocking locks its transaction took with earlier statements on the tables this one works on (a second
     * index on the same table): it needs them as much as the first did, and others wait for them until the commit,
     * so they count for what it blocks; listed as held, not as new. A table it took a lock on itself is left to that lock.
     */
    private static List<Lock> heldAlready(Set<Held> ownBefore, List<Lock> added, Map<Long, Relation> before,
                                          Set<Long> visible, ParsedStatement ps) {
        Set<String> targets = targets(ps);
        List<Lock> out = new ArrayList<>();
        for (Held h : ownBefore) {
            Relation r = before.get(h.oid());
            if (r == null || !r.isTable() || !visible.contains(h.oid()) || !names(targets, r.name())) {
                continue;
            }
            Lock lock = new Lock(h.mode(), r.name(), true);
            boolean named = added.stream().anyMatch(l -> l.relation().equals(r.name()));
            if (!named && !blocks(List.of(lock)).isEmpty()) {
                out.add(lock);
            }
        }
        // per table the one that blocks most (ACCESS EXCLUSIVE over the SHARE of an index built before it)
        out.sort(java.util.Comparator.comparingInt((Lock l) -> -blocks(List.of(l)).size()));
        Set<String> seen = new HashSet<>();
        return out.stream().filter(l -> seen.add(l.relation())).toList();
    }

    /** What the statement's changes are about: {@code orders}, {@code orders.total}, {@code audit.orders}. */
    private static Set<String> targets(ParsedStatement ps) {
        Set<String> out = new LinkedHashSet<>();
        ps.changes().stream().map(ch -> ch.target()).filter(t -> t != null && !t.isBlank()).forEach(out::add);
        return out;
    }

    /**
     * Whether a relation as {@code regclass} prints it ({@code orders}, {@code audit.orders}, {@code "Orders"}) is
     * what one of the statement's targets names ({@code orders}, {@code orders.total}, {@code audit.orders}), as
     * PostgreSQL resolves names: unquoted ones fold to lower case; a bare name matches only a relation printed
     * bare (on the search path), so {@code orders} is never {@code audit.orders}. A target {@code a.b} may be a
     * table's column or a schema's table: both readings are tried.
     */
    static boolean names(Set<String> targets, String relation) {
        String printed = relation.replace("\"", "");
        for (String t : targets) {
            String name = t.contains("\"") ? t.replace("\"", "") : t.toLowerCase(java.util.Locale.ROOT);
            String withoutLast = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            // orders, audit.orders: the name itself; orders.total, audit.orders.total: without the column
            if (printed.equals(name) || printed.equals(withoutLast)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the statement read a whole visible table on which the transaction holds a lock that blocks writes:
     * validating a constraint, SET NOT NULL without a valid CHECK, building an index ({@code seq_scan} of
     * {@code pg_stat_xact_user_tables} counts this transaction's scans, the statement's own included).
     */
    private static boolean scannedUnderWriteLock(Map<Long, Long> after, Map<Long, Long> before, Set<Held> held,
                                                 Set<Long> visible) {
        return after.entrySet().stream().filter(e -> visible.contains(e.getKey()))
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
                .anyMatch(e -> blocks(heldOn(held, e.getKey())).contains("write"));
    }

    /** The second session's view of the first table the statement locked against others, within the cap. */
    private LockTrace.Probe probe(LockProbe probe, List<Relation> tables) {
        if (tables.isEmpty() || probed >= PROBED_STATEMENTS) {
            return null;
        }
        probed++;
        // the transaction holds its locks until rolled back: the probe sees them as a deploy's sessions would
        return probe.probe(tables.get(0).name(), () -> true, false);
    }

    private static List<Lock> heldOn(java.util.Collection<Held> held, long oid) {
        return held.stream().filter(h -> h.oid() == oid).map(h -> new Lock(h.mode(), "")).toList();
    }

    /** The names of the relations {@code held} is on. */
    private static Set<String> relations(Connection c, Set<Held> held) throws SQLException {
        Map<Long, Relation> all = relations(c);
        Set<String> out = new HashSet<>();
        held.forEach(l -> {
            Relation r = all.get(l.oid());
            if (r != null) {
                out.add(r.name());
            }
        });
        return out;
    }

    /** What plain reads (ACCESS SHARE) and writes (ROW EXCLUSIVE) of other sessions wait for, per PostgreSQL's conflict table. */
    static List<String> blocks(List<Lock> locks) {
        boolean select = false;
        boolean write = false;
        for (Lock l : locks) {
            switch (l.mode()) {
                case "AccessExclusiveLock" -> {
                    select = true;
                    write = true;
                }
                case "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock" -> write = true;
                default -> {
                }
            }
        }
        return select ? List.of("select", "write") : write ? List.of("write") : List.of();
    }

    private static Map<Long, Long> scans(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SEQUENTIAL_SCANS)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static List<Held> locks(Connection c) throws SQLException {
        List<Held> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(OWN_LOCKS)) {
            while (rs.next()) {
                out.add(new Held(rs.getString(1), rs.getLong(3)));
            }
        }
        return out;
    }

    private static Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(USER_RELATIONS)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Relation(rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }

}
