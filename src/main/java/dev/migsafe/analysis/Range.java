package dev.migsafe.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.analysis.AnalysisResult.MigrationStatus;
import dev.migsafe.source.Migration;

/**
 * The range between two releases: the migrations a deploy of the newer release runs on a database
 * of the older one, and the status of every migration of either release.
 */
record Range(List<Migration> migrations, List<MigrationStatus> statuses) {

    static Range of(List<Migration> older, List<Migration> newer) {
        Map<String, Migration> olderByKey = new LinkedHashMap<>();
        older.forEach(m -> olderByKey.put(key(m), m));
        List<Migration> range = new ArrayList<>();
        List<MigrationStatus> statuses = new ArrayList<>();
        for (Migration m : newer) {
            Migration before = olderByKey.remove(key(m));
            if (before == null) {
                range.add(m);
                statuses.add(new MigrationStatus(m, "new"));
            } else if (before.checksum().equals(m.checksum())) {
                statuses.add(new MigrationStatus(m, "unchanged"));
            } else {
                // a changed repeatable migration runs again; a changed versioned one does not (HS401)
                if (m.kind() == Migration.Kind.REPEATABLE) {
                    range.add(m);
                }
                statuses.add(new MigrationStatus(m, "changed"));
            }
        }
        olderByKey.values().forEach(m -> statuses.add(new MigrationStatus(m, "removed")));
        return new Range(List.copyOf(range), List.copyOf(statuses));
    }

    /** Identity of a migration across releases. */
    static String key(Migration m) {
        return m.kind() == Migration.Kind.VERSIONED ? m.id() : m.kind() + ":" + m.id();
    }
}
