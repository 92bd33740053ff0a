package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/**
 * Makes a seeded table large enough for the lock trace to see a statement at work (a probe needs a
 * statement that runs for a while; a rate per row needs more than three rows): it doubles the table by
 * copying its rows into itself, with the values of unique columns shifted past the ones taken (numbers
 * by the span of the column, text by a suffix). Best effort: a copy the table refuses (a CHECK, a full
 * type) stops the growth where it is.
 */
final class TableGrowth {

    private static final int MAX_ROUNDS = 20;
    private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.FLOAT);
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NVARCHAR,
            Types.NCHAR, Types.CLOB);

    private TableGrowth() {
    }

    /**
     * @param savepoints true inside a PostgreSQL transaction, where a refused copy must not abort it
     * @return the table's rows afterwards
     */
    static long grow(Connection c, ServerKind kind, TableShape table, long target, boolean savepoints) {
        String t = kind.quote(table.name());
        long rows = LockTrace.count(c, t);
        Set<String> unique = new LinkedHashSet<>(table.primaryKey());
        table.indexes().stream().filter(SchemaSnapshot.IndexShape::unique).forEach(i -> unique.addAll(i.columns()));
        for (int round = 1; round <= MAX_ROUNDS && rows > 0 && rows < target; round++) {
            String copy;
            try {
                copy = copy(c, kind, table, t, unique, round, target - rows);
            } catch (SQLException e) {
                return rows;
            }
            if (copy == null) {
                return rows;
            }
            try (Statement st = c.createStatement()) {
                if (savepoints) {
                    st.execute("SAVEPOINT migsafe_grow");
                }
                int added;
                try {
                    added = st.executeUpdate(copy);
                } catch (SQLException refused) {
                    if (savepoints) {
                        st.execute("ROLLBACK TO SAVEPOINT migsafe_grow");
                    }
                    return rows;
                }
                if (added == 0) {
                    return rows;
                }
                rows += added;
            } catch (SQLException e) {
                return rows;
            }
        }
        return rows;
    }

    /** The INSERT that doubles the table (at most {@code missing} rows), or null when a unique column cannot be shifted. */
    private static String copy(Connection c, ServerKind kind, TableShape table, String t, Set<String> unique, int round,
                               long missing) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ColumnShape col : table.columns()) {
            if (col.generated()) {
                continue;
            }
            String q = kind.quote(col.name());
            columns.add(q);
            if (!unique.contains(col.name())) {
                values.add(q);
            } else if (NUMBERS.contains(col.jdbcType())) {
                values.add(q + " + " + span(c, t, q));
            } else if (TEXT.contains(col.jdbcType())) {
                values.add(kind.isPostgres() ? q + " || '~" + round + "'" : "CONCAT(" + q + ", '~" + round + "')");
            } else if (kind.isPostgres() && col.type().equalsIgnoreCase("uuid")) {
                values.add("gen_random_uuid()");
            } else {
                return null;
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        // the last round adds only what is missing: growing is most of the trace's cost on MySQL
        String select = "SELECT " + String.join(", ", values) + " FROM " + t + " LIMIT " + missing;
        return kind.isPostgres()
                ? "INSERT INTO " + t + " (" + String.join(", ", columns) + ") " + select + " ON CONFLICT DO NOTHING"
                : "INSERT IGNORE INTO " + t + " (" + String.join(", ", columns) + ") " + select;
    }

    /** max - min + 1 of a numeric column: added to every value, the copies clear the originals. */
    private static String span(Connection c, String t, String column) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(" + column + ") - min(" + column + ") + 1 FROM " + t)) {
            rs.next();
            String span = rs.getString(1);
            return span == null ? "1" : span;
        }
    }
}
