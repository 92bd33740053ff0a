package dev.migsafe.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migrations read from one source, in execution order, with notes about files that were seen but
 * not read as migrations (e.g. {@code V57__readme.md}, an undo without its migration), so reports can
 * say what was left out instead of skipping it silently.
 */
public record MigrationSet(List<Migration> migrations, List<String> notes) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
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
        return new MigrationSet(all, allNotes);
    }
}
