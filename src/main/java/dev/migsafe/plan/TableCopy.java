package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.ConstraintDef;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;

/**
 * How to copy one table's rows from the newer schema (in a dump taken before the restore) back into
 * the older schema (the restored database): the same data followed through renames by lineage.
 *
 * @param olderTable    the table's name in the older release
 * @param newerTable    its name in the newer release
 * @param olderColumns  the older columns that still exist in the newer release, in order
 * @param newerColumns  the same columns by their newer names
 * @param timeColumns   newer columns that tell when a row was written (created_at, updated_at, ...)
 * @param keyColumn     single-column primary key of the older table, or null
 * @param notCopied     older columns the newer release dropped (nothing to copy back)
 * @param requiredNotCopied those of them that are NOT NULL without a default: the INSERT needs a value
 */
record TableCopy(String olderTable, String newerTable, List<String> olderColumns, List<String> newerColumns,
                 List<String> timeColumns, String keyColumn, List<String> notCopied, List<String> requiredNotCopied) {

    private static final Set<String> WRITE_TIME_NAMES = Set.of("created_at", "updated_at", "inserted_at",
            "modified_at", "created", "updated", "created_on", "updated_on");
    private static final Set<String> TIME_TYPES = Set.of("timestamp", "timestamptz", "datetime", "date");

    /** One copy per older table that the newer release still has. */
    static List<TableCopy> between(Schema older, Schema newer) {
        List<TableCopy> out = new ArrayList<>();
        for (Table o : older.tables().values()) {
            Table n = newer.tableByLineage(o.lineage());
            if (n == null) {
                continue;
            }
            List<String> oc = new ArrayList<>();
            List<String> nc = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            List<String> required = new ArrayList<>();
            for (Column c : o.columns().values()) {
                Column match = n.columns().values().stream().filter(x -> x.lineage() == c.lineage()).findFirst().orElse(null);
                if (match == null) {
                    dropped.add(c.name());
                    if (c.notNull() && !c.hasValueWithoutApp()) {
                        required.add(c.name());
                    }
                } else if (!match.generated() || !c.generated() || isKey(o, c.name())) {
                    oc.add(c.name());
                    nc.add(match.name());
                }
            }
            List<String> times = n.columns().values().stream()
                    .filter(c -> WRITE_TIME_NAMES.contains(c.name()) && c.type() != null && TIME_TYPES.contains(c.type().base()))
                    .map(Column::name).toList();
            out.add(new TableCopy(o.name(), n.name(), oc, nc, times, singleKey(o), dropped, required));
        }
        return out;
    }

    private static boolean isKey(Table t, String column) {
        return column.equals(singleKey(t));
    }

    private static String singleKey(Table t) {
        return t.constraints().stream().filter(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY && c.columns().size() == 1)
                .map(c -> c.columns().get(0)).findFirst().orElse(null);
    }

    String csvFile() {
        return "since-" + olderTable + ".csv";
    }
}
