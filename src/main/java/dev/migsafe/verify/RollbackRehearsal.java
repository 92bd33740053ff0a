package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migsafe.source.Migration;

/**
 * Deploy, roll back, deploy again: runs the range's downs last first, compares the schema with the
 * older release's, counts the rows of the older tables and the values of their columns that did not
 * survive (a column dropped and re-added by a down comes back empty), then applies the range again
 * (a down that leaves debris often makes the next deploy fail).
 */
final class RollbackRehearsal {

    private final ScratchDatabase db;
    private final MigrationApplier applier;

    RollbackRehearsal(ScratchDatabase db, MigrationApplier applier) {
        this.db = db;
        this.applier = applier;
    }

    /**
     * @param seeded the counts right after seeding, for the columns the range dropped: their values
     *               are gone before the downs run, and a down that re-adds the column brings it back empty
     */
    StepOutcome run(List<Migration> range, SchemaSnapshot older, Counts seeded) throws SQLException {
        List<String> missing = range.stream()
                .filter(m -> m.kind() != Migration.Kind.REPEATABLE && !m.hasDown())
                .map(m -> m.id() + " (" + m.up().path() + ")")
                .toList();
        if (range.isEmpty()) {
            return StepOutcome.skipped("the range is empty: nothing to roll back");
        }
        if (!missing.isEmpty()) {
            return StepOutcome.skipped("no down for migration " + String.join(", ", missing)
                    + ": the rehearsal needs a down for every migration of the range");
        }
        Counts before = Counts.of(db, older).orElse(seeded);
        try {
            applier.revert(range);
        } catch (MigrationFailedException e) {
            return StepOutcome.failed("a down failed; the database is left half rolled back",
                    List.of(RehearsalFailures.downFailed(e.failure())));
        }
        List<String> failures = new ArrayList<>();
        SchemaSnapshot after;
        try (Connection c = db.connect()) {
            after = new SnapshotReader(db.kind()).read(c);
        }
        SnapshotDiff.compare(older, after).forEach(d -> failures.add(RehearsalFailures.differs(d)));
        Counts now = Counts.of(db, older);
        long lost = 0;
        Map<String, Long> rowsGone = new LinkedHashMap<>();
        for (Map.Entry<String, Long> rows : before.rows().entrySet()) {
            long gone = rows.getValue() - now.rows().getOrDefault(rows.getKey(), rows.getValue());
            if (gone > 0) {
                lost += gone;
                rowsGone.put(rows.getKey(), gone);
                failures.add(RehearsalFailures.rowsGone(gone, rows.getValue(), rows.getKey()));
            }
        }
        for (SchemaSnapshot.TableShape table : older.tables().values()) {
            for (SchemaSnapshot.ColumnShape column : table.columns()) {
                String key = table.name() + "." + column.name();
                Long had = before.values().get(key);
                // values of rows that are gone are counted with the rows, not again as NULLs
                long gone = had == null ? 0 : had - now.values().getOrDefault(key, had) - rowsGone.getOrDefault(table.name(), 0L);
                if (gone > 0) {
                    failures.add(RehearsalFailures.valuesGone(gone, had, key));
                }
            }
        }
        try {
            applier.apply(range);
        } catch (MigrationFailedException e) {
            failures.add("re-applying the range after the downs: " + e.failure().describe());
        }
        long total = before.rows().values().stream().mapToLong(Long::longValue).sum();
        String summary = "ran " + range.size() + " down(s), compared with the older schema, kept "
                + (total - lost) + " of " + total + " rows, re-applied the range";
        return failures.isEmpty() ? StepOutcome.passed(summary + ": the downs give back the older schema")
                : StepOutcome.failed(summary + ": the downs do not cleanly restore the older release", failures);
    }

    /**
     * Rows per older table and non-NULL values per older column ("orders.total"), of those that
     * exist: tables and columns the range renamed or dropped are left out (the schema comparison
     * reports them).
     */
    record Counts(Map<String, Long> rows, Map<String, Long> values) {

        static final Counts NONE = new Counts(Map.of(), Map.of());

        /**
         * These counts, with the seeded ones for the columns these do not have (dropped by the range),
         * taken only where the table still has exactly its seeded rows: once the older release's tests
         * added or deleted rows, the seeded value counts say nothing about today's.
         */
        Counts orElse(Counts seeded) {
            Counts merged = new Counts(new LinkedHashMap<>(rows), new LinkedHashMap<>(values));
            seeded.values.forEach((column, count) -> {
                String table = column.substring(0, column.lastIndexOf('.'));
                if (!values.containsKey(column) && rows.containsKey(table) && rows.get(table).equals(seeded.rows.get(table))) {
                    merged.values.put(column, count);
                }
            });
            return merged;
        }


        static Counts of(ScratchDatabase db, SchemaSnapshot older) throws SQLException {
            Counts counts = new Counts(new LinkedHashMap<>(), new LinkedHashMap<>());
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                for (SchemaSnapshot.TableShape table : older.tables().values()) {
                    counts.add(st, db.kind(), table);
                }
            }
            return counts;
        }

        /** One query per table; column by column only when one of its columns is gone. */
        private void add(Statement st, ServerKind kind, SchemaSnapshot.TableShape table) {
            String from = " FROM " + kind.quote(table.name());
            List<SchemaSnapshot.ColumnShape> columns = table.columns();
            String all = columns.stream().map(col -> ", COUNT(" + kind.quote(col.name()) + ")").collect(Collectors.joining());
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*)" + all + from)) {
                rs.next();
                rows.put(table.name(), rs.getLong(1));
                for (int i = 0; i < columns.size(); i++) {
                    values.put(table.name() + "." + columns.get(i).name(), rs.getLong(i + 2));
                }
                return;
            } catch (SQLException someGone) {
                // the table or one of its columns is gone: count what is left
            }
            Long total = count(st, "SELECT COUNT(*)" + from);
            if (total == null) {
                return;
            }
            rows.put(table.name(), total);
            for (SchemaSnapshot.ColumnShape column : columns) {
                Long n = count(st, "SELECT COUNT(" + kind.quote(column.name()) + ")" + from);
                if (n != null) {
                    values.put(table.name() + "." + column.name(), n);
                }
            }
        }

        private static Long count(Statement st, String sql) {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException gone) {
                return null;
            }
        }
    }
}
