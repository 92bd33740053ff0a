package dev.migsafe.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.BadInputException;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.liquibase.ChangeSetSelection;
import dev.migsafe.source.liquibase.LiquibaseReader;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;

/**
 * Reads migrations from folders of a {@link ProjectTree} (a directory on disk or a git commit):
 * resolves per-dialect layouts, detects the format when it is not given, and joins several folders
 * into one execution order.
 */
public final class MigrationSources {
    private final ScriptLoader loader;
    private final ChangeSetSelection selection;

    public MigrationSources() {
        this(new ScriptLoader());
    }

    public MigrationSources(ScriptLoader loader) {
        this(loader, ChangeSetSelection.ALL);
    }

    /** @param selection which Liquibase changeSets to read (contexts, labels) */
    public MigrationSources(ScriptLoader loader, ChangeSetSelection selection) {
        this.loader = loader;
        this.selection = selection;
    }

    /**
     * The migrations of one folder (or, for Liquibase, of one changelog file) on disk.
     *
     * @param projectDir the root that displayed paths are relative to
     * @param dialect    picks the sub-folder of a per-dialect layout (null: PostgreSQL)
     */
    public MigrationSet read(SourceLocation location, Path projectDir, Dialect dialect) {
        Path given = location.dir();
        if (Files.isRegularFile(given) && given.getParent() != null) {
            return read(new DirectoryTree(given.getParent(), projectDir), given.getFileName().toString(),
                    location.format(), dialect);
        }
        return read(new DirectoryTree(given, projectDir), "", location.format(), dialect);
    }

    /**
     * The migrations of one folder of a tree, or of a Liquibase changelog file named by its path.
     *
     * @param format the folder's format, or null to detect it
     */
    public MigrationSet read(ProjectTree tree, String path, MigrationFormat format, Dialect dialect) {
        if (!tree.isDirectory(path)) {
            return readChangelogFile(tree, path, format);
        }
        String dir = new MigrationLocator(tree, loader).dialectFolder(path, dialect);
        MigrationFiles files = tree.folder(dir);
        MigrationFormat detected = format != null ? format : new FormatDetector(loader).detect(files);
        return reader(detected).read(files);
    }

    /** The project's migrations folder found by {@link MigrationLocator}, read. */
    public MigrationSet readProject(Path projectDir, Dialect dialect) {
        return readProject(new DirectoryTree(projectDir, projectDir), dialect);
    }

    /** As {@link #readProject(Path, Dialect)}, in any tree. */
    public MigrationSet readProject(ProjectTree tree, Dialect dialect) {
        String dir = new MigrationLocator(tree, loader).locateFolder(dialect);
        return read(tree, dir, null, dialect);
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
        return combine(locations.stream().map(l -> read(l, projectDir, dialect)).toList());
    }

    /** Several locations' migrations as one sequence, as {@link #readAll(List, Path, Dialect)} explains. */
    public static MigrationSet combine(List<MigrationSet> sets) {
        MigrationSet all = null;
        boolean allFlyway = true;
        for (MigrationSet set : sets) {
            allFlyway &= set.migrations().stream().allMatch(m -> m.tool() == MigrationTool.FLYWAY);
            all = all == null ? set : all.followedBy(set);
        }
        if (sets.size() == 1) {
            return all;
        }
        if (allFlyway) {
            ExecutionOrder.requireUniqueVersions(all.migrations());
            List<Migration> sorted = new ArrayList<>(all.migrations());
            sorted.sort(ExecutionOrder.COMPARATOR);
            return new MigrationSet(sorted, all.notes(), all.releaseTags());
        }
        requireUniqueIds(all);
        return all;
    }

    private MigrationReader reader(MigrationFormat format) {
        return format == MigrationFormat.LIQUIBASE ? new LiquibaseReader(loader, selection, null) : format.reader(loader);
    }

    /** A location naming a file: a Liquibase master changelog, read with its folder as the resource root. */
    private MigrationSet readChangelogFile(ProjectTree tree, String path, MigrationFormat format) {
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (!tree.files(folder).contains(name)) {
            throw new BadInputException(tree.display(path) + ": directory not found; check the path"
                    + " (or the migrations: entry in migsafe.yaml)");
        }
        if (format != null && format != MigrationFormat.LIQUIBASE || !FormatDetector.isChangelogName(name)
                && format == null) {
            throw new BadInputException(tree.display(path) + ": not a directory; give the folder that holds the"
                    + " migration files (only a Liquibase changelog may be named as a file)");
        }
        return new LiquibaseReader(loader, selection, name).read(tree.folder(folder));
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
