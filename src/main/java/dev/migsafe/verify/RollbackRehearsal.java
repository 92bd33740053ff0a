package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.source.Migration;

/**
 * Deploy, roll back, deploy again: runs the range's downs last first, compares the schema with the
 * older release's, counts the rows of the older tables that did not survive and compares their
 * values row by row (a column dropped and re-added by a down comes back empty, or with its default),
 * then applies the range again (a down that leaves debris often makes the next deploy fail).
 */
final class RollbackRehearsal {

    private final ScratchDatabase db;
    private final MigrationApplier applier;

    RollbackRehearsal(ScratchDatabase db, MigrationApplier applier) {
        this.db = db;
        this.applier = applier;
    }

    /**
     * @param seeded the older tables' values right after seeding, for the columns the range dropped:
     *               their values are gone before the downs run, and a down that re-adds the column
     *               brings it back empty (or filled with its default)
     * @param lineage where the range moved the older tables and columns: their values are read there
     *               before the downs run
     */
    StepOutcome run(List<Migration> range, SchemaSnapshot older, RowValues seeded, RangeLineage lineage) throws SQLException {
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
        Map<String, Long> rowsBefore = countRows(older);
        RowValues valuesBefore = RowValues.read(db, older, lineage).orElse(seeded);
        try {
            applier.revert(range);
        } catch (MigrationFailedException e) {
            return StepOutcome.failed("a down failed; the database is left half rolled back",
                    List.of(RehearsalFailures.downFailed(e.failure())));
        }
        List<String> failures = new ArrayList<>();
        SchemaSnapshot after;
        try (Connection c = db.connect()) {
            after = applier.snapshotReader().read(c);
        }
        SnapshotDiff.compare(older, after).forEach(d -> failures.add(RehearsalFailures.differs(d)));
        Map<String, Long> rowsAfter = countRows(older);
        long lost = 0;
        for (Map.Entry<String, Long> rows : rowsBefore.entrySet()) {
            long gone = rows.getValue() - rowsAfter.getOrDefault(rows.getKey(), rows.getValue());
            if (gone > 0) {
                lost += gone;
                failures.add(RehearsalFailures.rowsGone(gone, rows.getValue(), rows.getKey()));
            }
        }
        failures.addAll(valuesBefore.lostIn(RowValues.read(db, older), older));
        try {
            applier.apply(range);
        } catch (MigrationFailedException e) {
            failures.add("re-applying the range after the downs: " + e.failure().describe());
        }
        long total = rowsBefore.values().stream().mapToLong(Long::longValue).sum();
        String summary = "ran " + range.size() + " down(s), compared with the older schema, kept "
                + (total - lost) + " of " + total + " rows, re-applied the range";
        return failures.isEmpty() ? StepOutcome.passed(summary + ": the downs give back the older schema and its data")
                : StepOutcome.failed(summary + ": the downs do not cleanly restore the older release", failures);
    }

    /** Rows per older table that exists now; tables the range renamed or dropped are left out. */
    private Map<String, Long> countRows(SchemaSnapshot older) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String table : older.tables().keySet()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db.kind().quote(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                } catch (SQLException gone) {
                    // not there now: the schema comparison reports it
                }
            }
        }
        return counts;
    }
}
