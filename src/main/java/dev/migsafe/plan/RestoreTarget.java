package dev.migsafe.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.plan.history.HistoryEntry;
import dev.migsafe.plan.history.SchemaHistory;
import dev.migsafe.source.Migration;

/**
 * The moment to restore to: just before the range's first migration ran, from the database's own
 * history. The recorded duration is subtracted when the tool keeps one (Flyway), because some
 * servers (MySQL; non-transactional PostgreSQL migrations) record the time only after the migration
 * ran; the earlier target costs a few seconds more to copy back, never a half-migrated schema.
 *
 * @param time       the target, or null when the history cannot tell (no timestamps, range not run)
 * @param firstRun   the history row of the range's first migration, or null
 * @param ran        ids of range migrations the history shows as run
 * @param notRun     ids of range migrations it does not show
 * @param notes      what the reader should know (no timestamps, failed rows, time zone)
 */
public record RestoreTarget(Instant time, HistoryEntry firstRun, List<String> ran, List<String> notRun,
                            List<String> notes) {

    private static final java.time.format.DateTimeFormatter POSTGRES_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(java.time.ZoneOffset.UTC);

    /** A time as recovery_target_time and the runbook write it: UTC, microseconds. */
    public static String postgresTime(Instant t) {
        return POSTGRES_TIME.format(t);
    }

    public static RestoreTarget from(SchemaHistory history, List<Migration> range) {
        List<String> ran = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        HistoryEntry first = null;
        for (Migration m : range) {
            Optional<HistoryEntry> entry = find(history, m);
            if (entry.isPresent()) {
                ran.add(m.id());
                if (!entry.get().success()) {
                    notes.add("migration " + m.id() + " is recorded as failed (or dirty) in " + history.table()
                            + ": the database may be half-migrated");
                }
                HistoryEntry e = entry.get();
                if (e.executedAt() != null && (first == null || e.executedAt().isBefore(first.executedAt()))) {
                    first = e;
                }
            } else {
                notRun.add(m.id());
            }
        }
        Instant time = null;
        if (ran.isEmpty()) {
            notes.add("no migration of the range appears in " + history.table()
                    + ": the range has not run on this database, there is nothing to restore");
        } else if (first == null) {
            notes.add(history.tool().displayName() + "'s " + history.table() + " keeps no execution time: take the target"
                    + " from the deploy log (the time the migration step started), or use the restore point created"
                    + " with --before-deploy");
        } else {
            Duration ranFor = first.durationMs() == null ? Duration.ZERO : Duration.ofMillis(first.durationMs());
            time = first.executedAt().minus(ranFor);
            notes.add(history.table() + " records " + first.version() + " at " + first.executedAt()
                    + (ranFor.isZero() ? "" : " after running for " + ranFor.toMillis() + " ms")
                    + "; the target is " + time + (history.timeZone() == null ? ""
                    : " (times without time zone read as " + history.timeZone()
                    + "; if the deploy ran in another zone, shift the target by the difference)"));
        }
        return new RestoreTarget(time, first, List.copyOf(ran), List.copyOf(notRun), List.copyOf(notes));
    }

    /** The history row of a migration, by the identity each tool records. */
    static Optional<HistoryEntry> find(SchemaHistory history, Migration m) {
        return switch (history.tool()) {
            case FLYWAY -> history.entries().stream().filter(e -> sameVersion(e.version(), m)).findFirst();
            case LIQUIBASE -> history.entries().stream()
                    .filter(e -> e.version().equals(m.id()) || m.id().endsWith(e.version().substring(e.version().indexOf("::"))))
                    .findFirst();
            // golang-migrate keeps only the current version: every migration up to it has run
            case GOLANG_MIGRATE -> history.entries().stream()
                    .filter(e -> m.version() != null && MigrationVersion.fromVersion(e.version()).compareTo(m.version()) >= 0)
                    .findFirst();
            case DBMATE, DIESEL, PLAIN_SQL -> history.entries().stream().filter(e -> digits(e.version()).equals(digits(m.id()))).findFirst();
        };
    }

    private static boolean sameVersion(String recorded, Migration m) {
        if (m.version() == null) {
            return recorded.equals(m.id());
        }
        try {
            return MigrationVersion.fromVersion(recorded).equals(m.version());
        } catch (RuntimeException e) {
            return recorded.equals(m.id());
        }
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }
}
