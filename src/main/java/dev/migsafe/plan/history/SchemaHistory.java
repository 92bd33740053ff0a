package dev.migsafe.plan.history;

import java.util.List;

import dev.migsafe.tool.MigrationTool;

/**
 * What a database's migration history says, read over a read-only session.
 *
 * @param tool      whose table it is
 * @param table     the table read
 * @param database  server product and version
 * @param entries   rows in execution order
 * @param timeZone  the zone timestamps without time zone were read in, or null when the table has none
 * @param readOnly  the session was checked to be read-only before reading (always true; kept for reports and tests)
 */
public record SchemaHistory(MigrationTool tool, String table, String database, List<HistoryEntry> entries,
                            String timeZone, boolean readOnly) {

    public SchemaHistory {
        entries = List.copyOf(entries);
    }

    /** golang-migrate and dbmate keep no execution time. */
    public boolean hasTimes() {
        return entries.stream().anyMatch(e -> e.executedAt() != null);
    }
}
