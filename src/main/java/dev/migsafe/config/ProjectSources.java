package dev.migsafe.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.DirectoryTree;
import dev.migsafe.source.MigrationFormat;
import dev.migsafe.source.MigrationLocator;
import dev.migsafe.source.MigrationSet;
import dev.migsafe.source.MigrationSources;
import dev.migsafe.source.ProjectTree;
import dev.migsafe.source.ScriptLoader;
import dev.migsafe.source.SourceLocation;
import dev.migsafe.source.liquibase.ChangeSetSelection;

/**
 * Entry point for the command line: the migrations of a project as its {@code migsafe.yaml} says
 * (else as its Flyway, Liquibase or Spring Boot settings say, see {@link DeclaredLocations}, else as
 * detected), of one release, or of a folder given on the command line.
 * The project may be a directory or any other {@link ProjectTree} (a git commit).
 */
public final class ProjectSources {
    private final MigrationSources sources;
    private final ScriptLoader loader;

    public ProjectSources() {
        this(new ScriptLoader());
    }

    public ProjectSources(ScriptLoader loader) {
        this(loader, ChangeSetSelection.ALL);
    }

    /** @param selection which Liquibase changeSets to read ({@code --contexts}, {@code --labels}) */
    public ProjectSources(ScriptLoader loader, ChangeSetSelection selection) {
        this.sources = new MigrationSources(loader, selection);
        this.loader = loader;
    }

    /** All migrations of the project, for the dialect configured (PostgreSQL if none). */
    public MigrationSet load(Path projectDir, ProjectConfig config) {
        return load(projectDir, config, config.dialect());
    }

    /**
     * All migrations of the project.
     *
     * @param dialect picks the folder of a per-dialect layout (e.g. {@code --dialect mysql}); null:
     *                the configured one, else PostgreSQL
     */
    public MigrationSet load(Path projectDir, ProjectConfig config, Dialect dialect) {
        return load(new DirectoryTree(projectDir, projectDir), config, dialect);
    }

    /** As {@link #load(Path, ProjectConfig, Dialect)}, for a project tree (e.g. a git commit). */
    public MigrationSet load(ProjectTree project, ProjectConfig config, Dialect dialect) {
        Dialect hint = dialect != null ? dialect : config.dialect();
        List<ProjectConfig.Location> locations = config.migrations().isEmpty()
                ? DeclaredLocations.read(project) : config.migrations();
        if (locations.isEmpty()) {
            return sources.readProject(project, hint);
        }
        List<MigrationSet> sets = locations.stream()
                .map(l -> sources.read(project, l.path(), l.format(), hint)).toList();
        return MigrationSources.combine(sets);
    }

    /**
     * The migrations of a release named under {@code releases:} or, failing that, marked in the
     * history itself (a Liquibase {@code tagDatabase}), in execution order.
     */
    public MigrationSet loadRelease(Path projectDir, ProjectConfig config, Dialect dialect, String release) {
        MigrationSet all = load(projectDir, config, dialect);
        Releases releases = new Releases(config);
        if (!releases.contains(release) && all.releaseTags().containsKey(release)) {
            return new MigrationSet(releases.upToTag(release, all.releaseTags().get(release), all.migrations()),
                    all.notes(), all.releaseTags());
        }
        return new MigrationSet(releases.upTo(release, all.migrations()), all.notes(), all.releaseTags());
    }

    /**
     * A folder given on the command line ({@code --from-dir}, {@code --to-dir}, {@code analyze PATH}),
     * format detected, per-dialect layouts resolved; paths shown relative to {@code projectDir}.
     */
    public MigrationSet loadDirectory(Path dir, Path projectDir, Dialect dialect) {
        return loadDirectory(dir, projectDir, null, dialect);
    }

    /**
     * As {@link #loadDirectory(Path, Path, Dialect)} with a known format (null: detect). With the
     * format unknown, a folder that is a whole project rather than a migrations folder (harbor's
     * repository root, say) is searched for its migrations folder as a project would be.
     */
    public MigrationSet loadDirectory(Path dir, Path projectDir, MigrationFormat format, Dialect dialect) {
        Path where = format == null && Files.isDirectory(dir) ? new MigrationLocator(dir, loader).locate(dialect) : dir;
        return sources.read(new SourceLocation(where, format), projectDir, dialect);
    }
}
