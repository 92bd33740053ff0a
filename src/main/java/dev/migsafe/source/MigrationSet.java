package dev.migsafe.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migrations read from one source, in execution order, with notes about files that were seen but
 * not read as migrations (e.g. {@code V57__readme.md}, an undo without its migration), so reports can
 * say what was left out instead of skipping it silently.
 *
 * @param releaseTags release names the history itself marks (Liquibase {@code tagDatabase}), each
 *                    mapped to the id of the last migration the release includes, in order
 */
public record MigrationSet(List<Migration> migrations, List<String> notes, Map<String, String> releaseTags) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
        releaseTags = Collections.unmodifiableMap(new LinkedHashMap<>(releaseTags));
    }

    public MigrationSet(List<Migration> migrations, List<String> notes) {
        this(migrations, notes, Map.of());
    }

    public Optional<Migration> byId(String id) {
        return migrations.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    public int size() {
        return migrations.size();
    }

    /** This set followed by another (e.g. a second location), notes kept in order. */
    public MigrationSet followedBy(MigrationSet next) {
        List<Migration> all = new ArrayList<>(migrations);
        all.addAll(next.migrations);
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(next.notes);
        Map<String, String> tags = new LinkedHashMap<>(releaseTags);
        tags.putAll(next.releaseTags);
        return new MigrationSet(all, allNotes, tags);
    }
}
