package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.ForeignKeyShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/**
 * Fills every table of a schema with a few synthetic rows that satisfy its types, NOT NULLs,
 * uniques and foreign keys, parents before children, so that later steps see real data. A row the
 * database refuses is tried again with the values its CHECK constraints suggest ({@link CheckHints}).
 * A table it cannot fill (a CHECK it cannot guess, a required self reference) is reported, not fatal.
 */
final class Seeder {

    static final int ROWS = 3;
    /** The row number edge rows take their ordinary values from: clear of the seeded rows, their retries and the contract's probes. */
    static final int EDGE_ROW = 50;
    /** At most this many columns get an edge row of their own when a row with every edge value is refused. */
    private static final int EDGE_COLUMNS_ALONE = 30;
    /** Where seeded rows' generated keys start. */
    private static final long SEEDED_KEYS_FROM = 700_000;
    /** How many times a row is shifted past values already taken before the table counts as full. */
    private static final int UNIQUE_RETRIES = 10;

    private final ServerKind kind;
    private final RangeExpectations expectations;

    Seeder(ServerKind kind) {
        this(kind, RangeExpectations.NONE);
    }

    /** @param expectations what the range expects of the rows it will find (see {@link RangeExpectations}) */
    Seeder(ServerKind kind, RangeExpectations expectations) {
        this.kind = kind;
        this.expectations = expectations;
    }

    SeedResult seed(Connection c, SchemaSnapshot schema) throws SQLException {
        c.setAutoCommit(true);
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        Map<String, Integer> inserted = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> edgesCovered = new ArrayList<>();
        List<String> edgesRefused = new ArrayList<>();
        int edgeRows = 0;
        for (TableShape table : parentsFirst(schema, expectations)) {
            raiseSequences(c, table);
            CheckHints hints = CheckHints.of(table);
            int count = 0;
            try {
                for (int row = 0; row < ROWS; row++) {
                    insert(c, table, hints, row, rows, Map.of());
                    count++;
                }
            } catch (SQLException | CannotSeed e) {
                problems.add(table.name() + ": " + Errors.message(e));
            }
            if (count == ROWS) {
                int edges = insertEdges(c, table, hints, rows, edgesCovered, edgesRefused);
                edgeRows += edges;
                count += edges;
            } else {
                edgeValues(table).keySet().forEach(column -> edgesRefused.add(table.name() + "." + column));
            }
            inserted.put(table.name(), count);
            rows.put(table.name(), readBack(c, table));
        }
        return new SeedResult(rows, inserted, problems, edgeRows, edgesCovered, edgesRefused);
    }

    /**
     * Adds rows with values at the limits of the older types ({@link ValueGenerator#edge}) of the columns
     * the range changes, so that a narrowing fails when the range applies or loses values in the
     * rehearsal, as it would on real data. One row takes every edge value; when the database refuses
     * it (a CHECK, an index too small for the longest text), each edge value gets a row of its own.
     * Each column lands in {@code covered} or {@code refused} as table.column; a refusal is never
     * fatal: the ordinary rows are there.
     *
     * @return how many edge rows went in
     */
    private int insertEdges(Connection c, TableShape table, CheckHints hints, Map<String, List<Map<String, Object>>> rows,
                            List<String> covered, List<String> refused) {
        Map<String, Object> edges = edgeValues(table);
        if (edges.isEmpty()) {
            return 0;
        }
        try {
            insert(c, table, hints, EDGE_ROW, rows, edges);
            edges.keySet().forEach(column -> covered.add(table.name() + "." + column));
            return 1;
        } catch (SQLException | CannotSeed together) {
            int count = 0;
            int row = EDGE_ROW + 1;
            for (Map.Entry<String, Object> edge : edges.entrySet()) {
                try {
                    if (count + refusedOf(refused, table) >= EDGE_COLUMNS_ALONE) {
                        throw new CannotSeed("too many edge values refused");
                    }
                    insert(c, table, hints, row++, rows, Map.of(edge.getKey(), edge.getValue()));
                    covered.add(table.name() + "." + edge.getKey());
                    count++;
                } catch (SQLException | CannotSeed alone) {
                    refused.add(table.name() + "." + edge.getKey());
                }
            }
            return count;
        }
    }

    private static long refusedOf(List<String> refused, TableShape table) {
        return refused.stream().filter(r -> r.startsWith(table.name() + ".")).count();
    }

    /**
     * The edge value of each column the range changes the type of and the seed writes itself: not
     * generated, not a reference (those copy the parent's key), and not a column the range expects a
     * particular value in. Only there: an edge value elsewhere would fail a data migration that copies
     * a wide column into a narrow one on a value real rows may never hold, and hide the later steps.
     */
    private Map<String, Object> edgeValues(TableShape table) {
        Map<String, Object> edges = new LinkedHashMap<>();
        for (ColumnShape column : table.columns()) {
            Object edge = ValueGenerator.edge(column);
            if (edge == null || !expectations.retypes(table.name(), column.name()) || column.generated()
                    || table.foreignKeyOf(column.name()).isPresent()
                    || expectations.expectedReference(table.name(), column.name()).isPresent()
                    || expectations.value(column, EDGE_ROW, edge) != edge) {
                continue;
            }
            edges.put(column.name(), edge);
        }
        return edges;
    }

    /**
     * Inserts row number {@code row}, trying each value set until the database takes one. A row that
     * collides with one already there (reference data the migrations inserted, a singleton, a sequence
     * behind explicitly numbered rows) is tried again with other values and the sequence's next number.
     * {@code overrides} are written as they are (edge values), whatever the attempt.
     */
    private void insert(Connection c, TableShape table, CheckHints hints, int row,
                        Map<String, List<Map<String, Object>>> rows, Map<String, Object> overrides)
            throws SQLException, CannotSeed {
        SQLException first = null;
        for (int shift = 0; shift < UNIQUE_RETRIES; shift++) {
            boolean collided = false;
            for (int attempt = 0; attempt < hints.attempts(); attempt++) {
                Map<String, Object> values = rowValues(table, row + shift * ROWS, rows, hints, attempt);
                values.putAll(overrides);
                try (PreparedStatement ps = c.prepareStatement(insertSql(table.name(), values.keySet()))) {
                    SqlValues.bindAll(ps, new ArrayList<>(values.values()), kind);
                    ps.executeUpdate();
                    return;
                } catch (SQLException e) {
                    first = first == null ? e : first;
                    collided |= isUniqueViolation(e);
                }
            }
            if (!collided) {
                break;
            }
        }
        throw first;
    }

    /** PostgreSQL's unique_violation, MySQL's and MariaDB's duplicate entry. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
    }

    /**
     * Values for every column the database does not fill itself: generated by type (attempt 0) or
     * guessed from the table's CHECK constraints (later attempts), or copied from a row of the
     * referenced table for foreign key columns. Shared with the contract check, which inserts rows
     * shaped like the older schema.
     */
    Map<String, Object> rowValues(TableShape table, int row, Map<String, List<Map<String, Object>>> rows, CheckHints hints,
                                  int attempt) throws CannotSeed {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ColumnShape column : table.columns()) {
            if (column.generated()) {
                continue;
            }
            ForeignKeyShape fk = table.foreignKeyOf(column.name()).orElse(null);
            boolean future = fk == null;
            if (future) {
                fk = expectations.expectedReference(table.name(), column.name()).orElse(null);
            }
            if (fk == null) {
                values.put(column.name(), expectations.value(column, row, hints.value(column, row, attempt)));
                continue;
            }
            List<Map<String, Object>> parents = fk.referencedTable().equals(table.name())
                    ? List.of() : rows.getOrDefault(fk.referencedTable(), List.of());
            if (parents.isEmpty()) {
                if (future) { // the range's key is not enforced yet: a value of the type serves
                    values.put(column.name(), column.nullable() ? null : hints.value(column, row, attempt));
                    continue;
                }
                if (!column.nullable()) {
                    throw new CannotSeed("required column " + column.name() + " references "
                            + fk.referencedTable() + ", which has no rows");
                }
                values.put(column.name(), null);
                continue;
            }
            Map<String, Object> parent = parents.get(row % parents.size());
            values.put(column.name(), parent.get(fk.referencedColumns().get(fk.columns().indexOf(column.name()))));
        }
        return values;
    }

    /** An INSERT of the columns, or of a row of defaults when there are none. */
    String insertSql(String table, Set<String> columns) {
        if (columns.isEmpty()) {
            return "INSERT INTO " + kind.quote(table) + switch (kind) {
                case POSTGRESQL -> " DEFAULT VALUES";
                case MYSQL, MARIADB -> " () VALUES ()";
            };
        }
        return "INSERT INTO " + kind.quote(table) + " ("
                + columns.stream().map(kind::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private List<Map<String, Object>> readBack(Connection c, TableShape table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setMaxRows(50);
            return SqlValues.rows(st.executeQuery("SELECT * FROM " + kind.quote(table.name())));
        }
    }

    /**
     * Sequences and auto-increments start far above the small numbers migrations give reference rows
     * by hand ({@code UPDATE role SET role_id = 4}): seeded rows never take a key the range writes itself.
     */
    private void raiseSequences(Connection c, TableShape table) throws SQLException {
        List<ColumnShape> counted = table.columns().stream().filter(ColumnShape::generated).toList();
        if (counted.isEmpty()) {
            return;
        }
        if (!kind.isPostgres()) {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + kind.quote(table.name()) + " AUTO_INCREMENT = " + SEEDED_KEYS_FROM);
            }
            return;
        }
        for (ColumnShape column : counted) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(s::regclass, GREATEST(" + SEEDED_KEYS_FROM
                    + ", nextval(s::regclass))) FROM pg_get_serial_sequence(?, ?) AS s WHERE s IS NOT NULL")) {
                ps.setString(1, kind.quote(table.name()));
                ps.setString(2, column.name());
                ps.execute();
            }
        }
    }

    /** Tables ordered so that referenced tables come first (keys the range adds included); cycles follow in name order. */
    static List<TableShape> parentsFirst(SchemaSnapshot schema, RangeExpectations expectations) {
        Map<String, Set<String>> needs = new HashMap<>();
        for (TableShape t : schema.tables().values()) {
            Set<String> parents = new LinkedHashSet<>();
            List<ForeignKeyShape> keys = new ArrayList<>(t.foreignKeys());
            t.columns().forEach(col -> expectations.expectedReference(t.name(), col.name()).ifPresent(keys::add));
            for (ForeignKeyShape fk : keys) {
                if (!fk.referencedTable().equals(t.name()) && schema.tables().containsKey(fk.referencedTable())) {
                    parents.add(fk.referencedTable());
                }
            }
            needs.put(t.name(), parents);
        }
        List<TableShape> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(schema.tables().keySet());
        while (ordered.size() < names.size()) {
            String next = names.stream().filter(n -> !done.contains(n) && done.containsAll(needs.get(n))).findFirst()
                    // a cycle: take the first remaining table; its nullable keys stay empty
                    .orElseGet(() -> names.stream().filter(n -> !done.contains(n)).findFirst().orElseThrow());
            done.add(next);
            ordered.add(schema.tables().get(next));
        }
        return ordered;
    }

    /** A row that cannot be made from what migsafe knows. */
    static final class CannotSeed extends Exception {
        CannotSeed(String message) {
            super(message);
        }
    }
}
