package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/**
 * What the older release could run, with no user code: for every table of the older schema a SELECT
 * of its columns, an INSERT of a row shaped like the older schema (only the columns it knew), an
 * UPDATE and a DELETE, each in a transaction that is rolled back. Run once on the older schema
 * (the baseline: what fails there is not the range's fault) and once after the range.
 */
final class ContractCheck {

    /** Row numbers for the probe's own values, after the seeded rows so uniques still hold. */
    private static final int INSERT_ROW = Seeder.ROWS;
    private static final int UPDATE_ROW = Seeder.ROWS + 1;
    /** PostgreSQL: column "x" ...; MySQL/MariaDB: Unknown column 'x', Field 'x' doesn't have a default. */
    private static final Pattern QUOTED_COLUMN = Pattern.compile("(?i)(?:column|field)\\s+[\"'`]([^\"'`]+)[\"'`]");

    private final ServerKind kind;
    private final RangeExpectations expectations;
    private final Seeder seeder;

    ContractCheck(ServerKind kind) {
        this(kind, RangeExpectations.NONE);
    }

    /** @param expectations what the range expects of the data: the probes write what the older release would (real references) */
    ContractCheck(ServerKind kind, RangeExpectations expectations) {
        this.kind = kind;
        this.expectations = expectations;
        this.seeder = new Seeder(kind, expectations);
    }

    /** The probes that fail, in table order. */
    List<ContractProbe> run(Connection c, SchemaSnapshot older, SeedResult seed) throws SQLException {
        List<ContractProbe> failures = new ArrayList<>();
        c.setAutoCommit(false);
        try {
            for (TableShape table : older.tables().values()) {
                String tableMissing = attempt(c, "SELECT 1 FROM " + q(table.name()) + " WHERE 1 = 0", List.of());
                if (tableMissing != null) {
                    failures.add(new ContractProbe(table.name(), null, "SELECT", tableMissing));
                    continue;
                }
                Map<String, Object> key = key(table, seed);
                select(c, table, failures);
                insert(c, table, seed, failures);
                update(c, table, key, failures);
                delete(c, table, key, failures);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        return failures;
    }

    private void select(Connection c, TableShape table, List<ContractProbe> failures) throws SQLException {
        String error = attempt(c, "SELECT " + columnList(table.columns()) + " FROM " + q(table.name()), List.of());
        if (error == null) {
            return;
        }
        int before = failures.size();
        for (ColumnShape column : table.columns()) {
            String columnError = attempt(c, "SELECT " + q(column.name()) + " FROM " + q(table.name()), List.of());
            if (columnError != null) {
                failures.add(new ContractProbe(table.name(), column.name(), "SELECT", columnError));
            }
        }
        if (failures.size() == before) {
            failures.add(new ContractProbe(table.name(), null, "SELECT", error));
        }
    }

    private void insert(Connection c, TableShape table, SeedResult seed, List<ContractProbe> failures)
            throws SQLException {
        CheckHints hints = CheckHints.of(table);
        String error = null;
        for (int attempt = 0; attempt < hints.attempts(); attempt++) {
            Map<String, Object> values;
            try {
                values = seeder.rowValues(table, INSERT_ROW, seed.rows(), hints, attempt);
            } catch (Seeder.CannotSeed e) {
                return; // seeding reported it already; there is no older-shaped row to try
            }
            String attemptError = attempt(c, seeder.insertSql(table.name(), values.keySet()), new ArrayList<>(values.values()));
            if (attemptError == null) {
                return;
            }
            error = telling(table, error, attemptError);
        }
        failures.add(new ContractProbe(table.name(), columnNamedIn(error), "INSERT", error));
    }

    private void update(Connection c, TableShape table, Map<String, Object> key, List<ContractProbe> failures)
            throws SQLException {
        List<ColumnShape> settable = table.columns().stream()
                .filter(col -> !col.generated() && !key.containsKey(col.name()) && !table.rowKey().contains(col.name())
                        && table.foreignKeyOf(col.name()).isEmpty() && expectations.expectedReference(table.name(), col.name()).isEmpty())
                .toList();
        if (settable.isEmpty()) {
            return;
        }
        String error = attemptUpdate(c, table, settable, key);
        if (error == null) {
            return;
        }
        int before = failures.size();
        for (ColumnShape column : settable) {
            String columnError = attemptUpdate(c, table, List.of(column), key);
            if (columnError != null) {
                failures.add(new ContractProbe(table.name(), column.name(), "UPDATE", columnError));
            }
        }
        if (failures.size() == before) {
            failures.add(new ContractProbe(table.name(), columnNamedIn(error), "UPDATE", error));
        }
    }

    /** The first error when no value set (the type's own, then the CHECK guesses) is accepted, else null. */
    private String attemptUpdate(Connection c, TableShape table, List<ColumnShape> columns, Map<String, Object> key)
            throws SQLException {
        CheckHints hints = CheckHints.of(table);
        String set = columns.stream().map(col -> q(col.name()) + " = ?").collect(Collectors.joining(", "));
        String error = null;
        for (int attempt = 0; attempt < hints.attempts(); attempt++) {
            List<Object> params = new ArrayList<>();
            for (ColumnShape col : columns) {
                params.add(expectations.value(col, UPDATE_ROW, hints.value(col, UPDATE_ROW, attempt)));
            }
            params.addAll(key.values());
            String attemptError = attempt(c, "UPDATE " + q(table.name()) + " SET " + set + where(key), params);
            if (attemptError == null) {
                return null;
            }
            error = telling(table, error, attemptError);
        }
        return error;
    }

    /**
     * Of two errors of attempts at one row, the one that says what broke: the first, unless it only
     * names one of the older table's own CHECKs (values made from the type alone that a guess from the
     * CHECK then satisfied), which the older release satisfies and the range did not cause.
     */
    private static String telling(TableShape table, String kept, String next) {
        if (kept == null) {
            return next;
        }
        boolean keptNamesOwnCheck = table.checks().stream().anyMatch(c -> kept.contains(c.name()));
        boolean nextNamesOwnCheck = table.checks().stream().anyMatch(c -> next.contains(c.name()));
        return keptNamesOwnCheck && !nextNamesOwnCheck ? next : kept;
    }

    private void delete(Connection c, TableShape table, Map<String, Object> key, List<ContractProbe> failures)
            throws SQLException {
        String error = attempt(c, "DELETE FROM " + q(table.name()) + where(key), new ArrayList<>(key.values()));
        if (error != null) {
            failures.add(new ContractProbe(table.name(), columnNamedIn(error), "DELETE", error));
        }
    }

    /** The key of the first seeded row, so UPDATE and DELETE touch a real row; empty when there is none. */
    private static Map<String, Object> key(TableShape table, SeedResult seed) {
        List<Map<String, Object>> rows = seed.rows().getOrDefault(table.name(), List.of());
        List<String> keyColumns = table.rowKey();
        Map<String, Object> key = new LinkedHashMap<>();
        if (rows.isEmpty() || keyColumns.isEmpty()) {
            return key;
        }
        for (String column : keyColumns) {
            Object value = rows.get(0).get(column);
            if (value == null) {
                return new LinkedHashMap<>();
            }
            key.put(column, value);
        }
        return key;
    }

    private String where(Map<String, Object> key) {
        if (key.isEmpty()) {
            return " WHERE 1 = 0"; // still parsed and planned: missing columns and types are caught
        }
        return " WHERE " + key.keySet().stream().map(k -> q(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    /** Runs one statement in its own rolled-back transaction; the database's message when it fails. */
    private String attempt(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlValues.bindAll(ps, params, kind);
            ps.execute();
            return null;
        } catch (SQLException e) {
            return Errors.message(e);
        } finally {
            c.rollback();
        }
    }

    /** The column a database error message names, if it names one. */
    static String columnNamedIn(String error) {
        Matcher m = QUOTED_COLUMN.matcher(error);
        return m.find() ? m.group(1) : null;
    }

    private String columnList(List<ColumnShape> columns) {
        return columns.stream().map(col -> q(col.name())).collect(Collectors.joining(", "));
    }

    private String q(String name) {
        return kind.quote(name);
    }
}
