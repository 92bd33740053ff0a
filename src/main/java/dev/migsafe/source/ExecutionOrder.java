package dev.migsafe.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migsafe.BadInputException;

/**
 * The order Flyway-like tools run migrations in, shared by every versioned format: versioned and
 * baseline migrations by version (a versioned one before a baseline of the same version), then
 * repeatable ones by description. Also the checks every reader owes its caller.
 */
final class ExecutionOrder {
    static final Comparator<Migration> COMPARATOR = Comparator
            .comparing((Migration m) -> m.kind() == Migration.Kind.REPEATABLE)
            .thenComparing(Migration::version, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Migration::kind)
            .thenComparing(Migration::description);

    private ExecutionOrder() {
    }

    /**
     * Sorts, and refuses an empty result or two migrations of the same kind with the same version.
     *
     * @param expected what a migration file of this format looks like, for the "no migrations" message
     */
    static MigrationSet finish(MigrationFiles files, List<Migration> migrations, List<String> notes,
                               String expected) {
        requireAny(files, migrations, expected);
        requireUniqueVersions(migrations);
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(COMPARATOR);
        return new MigrationSet(sorted, notes);
    }

    static void requireAny(MigrationFiles files, List<Migration> migrations, String expected) {
        if (migrations.isEmpty()) {
            throw new BadInputException(files.location() + ": no migrations found (expected " + expected
                    + "); check the path or the format in migsafe.yaml");
        }
    }

    static void requireUniqueVersions(List<Migration> migrations) {
        // a sorted map compares with MigrationVersion.compareTo, so 1 and 1.0 collide as in Flyway
        Map<Migration.Kind, Map<Object, Migration>> seen = new EnumMap<>(Migration.Kind.class);
        for (Migration m : migrations) {
            if (m.version() == null && m.kind() != Migration.Kind.REPEATABLE) {
                continue;
            }
            Map<Object, Migration> ofKind = seen.computeIfAbsent(m.kind(), k -> new TreeMap<>());
            Object key = m.kind() == Migration.Kind.REPEATABLE ? m.id() : m.version();
            Migration before = ofKind.putIfAbsent(key, m);
            if (before != null) {
                throw duplicate(before.up().path(), m.up().path(), m.id());
            }
        }
    }

    static BadInputException duplicate(String first, String second, String id) {
        return new BadInputException(second + ": same version as " + first + " (" + id
                + "); give one of them another version");
    }
}
