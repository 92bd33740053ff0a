package dev.migsafe.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.BadInputException;
import dev.migsafe.sql.Dialect;

/**
 * Reads migrations from folders on disk: resolves per-dialect layouts, detects the format when it
 * is not given, and joins several folders into one execution order.
 */
public final class MigrationSources {
    private final ScriptLoader loader;

    public MigrationSources() {
        this(new ScriptLoader());
    }

    public MigrationSources(ScriptLoader loader) {
        this.loader = loader;
    }

    /**
     * The migrations of one folder.
     *
     * @param projectDir the root that displayed paths are relative to
     * @param dialect    picks the sub-folder of a per-dialect layout (null: PostgreSQL)
     */
    public MigrationSet read(SourceLocation location, Path projectDir, Dialect dialect) {
        // DirectoryFiles checks the folder first: a missing one is reported as such, not as "no migrations"
        Path given = new DirectoryFiles(location.dir(), projectDir).dir();
        Path dir = new MigrationLocator(projectDir, loader).forDialect(given, dialect);
        MigrationFiles files = new DirectoryFiles(dir, projectDir);
        MigrationFormat format = location.format() != null ? location.format() : new FormatDetector(loader).detect(files);
        return format.reader(loader).read(files);
    }

    /**
     * The migrations of several folders as one sequence. Flyway folders are merged and sorted by
     * version, as Flyway does with several locations; other formats follow each other in the given
     * order.
     */
    public MigrationSet readAll(List<SourceLocation> locations, Path projectDir, Dialect dialect) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("no locations");
        }
        MigrationSet all = null;
        boolean allFlyway = true;
        for (SourceLocation location : locations) {
            MigrationSet set = read(location, projectDir, dialect);
            allFlyway &= set.migrations().stream().allMatch(m -> m.format().equals(MigrationFormat.FLYWAY.id()));
            all = all == null ? set : all.followedBy(set);
        }
        if (locations.size() == 1) {
            return all;
        }
        if (allFlyway) {
            ExecutionOrder.requireUniqueVersions(all.migrations());
            List<Migration> sorted = new ArrayList<>(all.migrations());
            sorted.sort(ExecutionOrder.COMPARATOR);
            return new MigrationSet(sorted, all.notes());
        }
        requireUniqueIds(all);
        return all;
    }

    /** The project's migrations folder found by {@link MigrationLocator}, read. */
    public MigrationSet readProject(Path projectDir, Dialect dialect) {
        Path dir = new MigrationLocator(projectDir, loader).locate(dialect);
        return read(new SourceLocation(dir, null), projectDir, dialect);
    }

    private static void requireUniqueIds(MigrationSet set) {
        List<String> seen = new ArrayList<>();
        for (Migration m : set.migrations()) {
            int at = seen.indexOf(m.id());
            if (at >= 0) {
                throw ExecutionOrder.duplicate(set.migrations().get(at).up().path(), m.up().path(), m.id());
            }
            seen.add(m.id());
        }
    }
}
