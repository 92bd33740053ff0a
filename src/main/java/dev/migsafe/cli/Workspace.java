package dev.migsafe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.migsafe.BadInputException;
import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.analysis.Analyzer;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.config.ProjectConfig;
import dev.migsafe.config.ProjectSources;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.DialectDetector;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationSet;
import dev.migsafe.source.ProjectPaths;
import dev.migsafe.source.ScriptLoader;
import dev.migsafe.config.GitReleases;
import dev.migsafe.source.git.GitRepository;
import dev.migsafe.source.liquibase.ChangeSetSelection;
import dev.migsafe.verify.VerifySettings;
import dev.migsafe.sql.ScriptParser;
import dev.migsafe.sql.SqlScriptParser;

/**
 * What a command works on: the project folder, its {@code migsafe.yaml}, and the migrations read from
 * it, with the notes the readers left (skipped files) gathered for the report.
 */
final class Workspace {
    private final Path project;
    /** where migsafe.yaml is (or would be): the project, or the folder of the nearest migsafe.yaml */
    private final Path root;
    private final ProjectConfig config;
    private final Dialect dialectOption;
    private final ProjectOptions options;
    private final ProjectSources sources;
    private final Set<String> notes = new LinkedHashSet<>();

    private Workspace(Path project, Path root, ProjectConfig config, Dialect dialectOption, ChangeSetSelection selection,
                      ProjectOptions options) {
        this.options = options;
        this.project = project;
        this.root = root;
        this.config = config;
        this.dialectOption = dialectOption;
        this.sources = new ProjectSources(new ScriptLoader(), selection);
    }

    static Workspace open(ProjectOptions options) {
        return open(options, null);
    }

    /**
     * @param target a path the command works on; without --project and --config, the nearest
     *               migsafe.yaml at or above it is the configuration, so that
     *               {@code analyze sample-migrations/shop/db/migration} honours the sample's own
     */
    static Workspace open(ProjectOptions options, Path target) {
        Dialect dialect = options.dialect == null ? null : parseDialect(options.dialect);
        Path project = options.projectOrCurrent();
        ProjectConfig config;
        Path root = project;
        if (options.config != null) {
            config = ProjectConfig.load(options.config);
        } else if (options.project == null && target != null) {
            root = nearestConfigDir(target);
            config = ProjectConfig.forProject(root);
        } else {
            config = ProjectConfig.forProject(project);
        }
        return new Workspace(project, root, config, dialect, new ChangeSetSelection(options.contexts, options.labels,
                config.liquibase().parameters()), options);
    }

    /**
     * The nearest folder holding a migsafe.yaml at or above {@code target}, wherever migsafe runs from;
     * the search stops at the git repository's root (a configuration above it belongs to something
     * else). Without one, the current directory.
     */
    private static Path nearestConfigDir(Path target) {
        for (Path dir = target.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ProjectConfig.FILE_NAME))) {
                return dir;
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** The project directory (--project, else the current directory). */
    Path project() {
        return project;
    }

    /** The project's root: where migsafe.yaml and migsafe-baseline.json live. */
    Path root() {
        return root;
    }

    /**
     * The project directory relative to the working directory, with a trailing slash ("" when they are
     * the same or the project lies elsewhere): the prefix that makes report paths repository-relative
     * when migsafe runs from the repository root, as it does in CI.
     */
    String pathPrefix() {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path dir = project.toAbsolutePath().normalize();
        if (!dir.startsWith(cwd) || dir.equals(cwd)) {
            return "";
        }
        return cwd.relativize(dir).toString().replace('\\', '/') + "/";
    }

    /** Every migration of the project, from {@code migrations:} or the detected folder. */
    List<Migration> allMigrations() {
        return keepNotes(sources.load(project, config, dialectOption));
    }

    /** The migrations of a folder named on the command line. */
    List<Migration> directory(Path dir) {
        return keepNotes(sources.loadDirectory(dir, project, dialectOption));
    }

    /**
     * The migrations of a release: named under {@code releases:} (that wins), else a git tag, branch or
     * commit of the repository the project is in (read from git objects, with the migsafe.yaml of that
     * commit), else a Liquibase {@code tagDatabase} of the project's changelog.
     */
    List<Migration> release(String name) {
        if (config.release(name).isEmpty()) {
            Optional<GitRepository> found = GitRepository.find(project);
            if (found.isPresent()) {
                try (GitRepository git = found.get()) {
                    if (git.resolves(name)) {
                        // a --config file is not in git: it also describes a commit that has no migsafe.yaml
                        return keepNotes(new GitReleases(git, sources).at(name, dialectOption,
                                options.config != null ? config : ProjectConfig.empty()));
                    }
                    if (!sources.load(project, config, dialectOption).releaseTags().containsKey(name)) {
                        throw unknownRelease(name, git);
                    }
                }
            }
        }
        return keepNotes(sources.loadRelease(project, config, dialectOption, name));
    }

    /** True when {@link #release} reads {@code name} from git (not a name under {@code releases:}). */
    boolean isGitRef(String name) {
        if (config.release(name).isPresent()) {
            return false;
        }
        Optional<GitRepository> found = GitRepository.find(project);
        if (found.isEmpty()) {
            return false;
        }
        try (GitRepository git = found.get()) {
            return git.resolves(name);
        }
    }

    /** Neither a release of migsafe.yaml, a tag of the history nor a git ref: say all three, and how to fetch. */
    private BadInputException unknownRelease(String name, GitRepository git) {
        String notARelease;
        try {
            sources.loadRelease(project, config, dialectOption, name);
            notARelease = "unknown release '" + name + "'";
        } catch (BadInputException e) {
            notARelease = e.getMessage();
        }
        return new BadInputException(notARelease + "; and " + git.missingRef(name));
    }

    /** --dialect, else migsafe.yaml, else what the migrations' text points to, else PostgreSQL. */
    Dialect dialect(String option, List<Migration> migrations) {
        Dialect explicit = option == null ? null : parseDialect(option);
        return DialectDetector.resolve(explicit, config.dialect(), migrations);
    }

    ProjectConfig config() {
        return config;
    }

    /**
     * The dialect's own option (--pg-version / --mysql-version), else --server-version, else migsafe.yaml
     * likewise (postgres-version: / mysql-version:, else server-version:), else the dialect's modern default.
     */
    ServerVersion serverVersion(Dialect dialect) {
        List<WrittenVersion> candidates = switch (dialect) {
            case POSTGRESQL -> candidates("--pg-version", options.pgVersion, "postgres-version", config.postgresVersion());
            case MYSQL -> candidates("--mysql-version", options.mysqlVersion, "mysql-version", config.mysqlVersion());
        };
        WrittenVersion written = candidates.stream().filter(c -> c.text() != null).findFirst().orElse(null);
        try {
            return ServerVersion.parse(dialect, written == null ? null : written.text());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(written.where() + ": " + e.getMessage());
        }
    }

    /** A server version as written, and where: "--pg-version 9.6", "migsafe.yaml server-version". */
    private record WrittenVersion(String where, String text) {
    }

    private List<WrittenVersion> candidates(String ownOption, String ownOptionText, String ownKey, String ownKeyText) {
        return List.of(
                new WrittenVersion(ownOption + " " + ownOptionText, ownOptionText),
                new WrittenVersion("--server-version " + options.serverVersion, options.serverVersion),
                new WrittenVersion(ProjectConfig.FILE_NAME + " " + ownKey, ownKeyText),
                new WrittenVersion(ProjectConfig.FILE_NAME + " server-version", config.serverVersion()));
    }

    /**
     * Verification settings: images and the old-tests command from migsafe.yaml, overridden by
     * options and by the MIGSAFE_*_IMAGE environment variables (CI uses local images).
     *
     * @param oldTests   --old-tests, or null for verify.old-tests
     * @param olderRef   the older release's git ref, when its code can be checked out, else null
     * @param timeout    {@code --verify-timeout}, or null for the default
     */
    VerifySettings verifySettings(String oldTests, String olderRef, Duration timeout) {
        ProjectConfig.Verify v = config.verify();
        return VerifySettings.defaults()
                .withLimits(v.statementWait(), timeout)
                .withLockTrace(v.lockTrace())
                .withProjectDir(project.toAbsolutePath().normalize())
                .withImages(v.postgresImage(), v.mysqlImage(), v.mariadbImage())
                .withOldTests(oldTests != null ? oldTests : v.oldTests(), null, olderRef, null)
                .withEnvironmentOverrides(System.getenv());
    }

    Map<String, Severity> severityOverrides() {
        return config.severityOverrides();
    }

    List<String> notes() {
        return new ArrayList<>(notes);
    }

    /** A note of the command itself for the report (after the readers' notes). */
    void note(String note) {
        notes.add(note);
    }

    /** A path as reports show it (relative to the project when inside it). */
    String display(Path path) {
        return new ProjectPaths(project).display(path);
    }

    /** The static analysis of a range: the older release replayed, the newer one's new migrations checked as one deploy. */
    AnalysisResult analyzeRange(Dialect dialect, List<Migration> older, List<Migration> newer) {
        return analyzer().run(new AnalysisRequest(dialect, older, newer, AnalysisRequest.Window.RANGE,
                severityOverrides(), serverVersion(dialect), flyway()));
    }

    /** The project's Flyway settings that change how its migrations run (read at its root; migsafe.yaml's flyway: wins). */
    FlywaySettings flyway() {
        return FlywaySettings.read(root).with(config.flyway().table(), config.flyway().placeholders());
    }

    Analyzer analyzer() {
        return new Analyzer(parser(), RuleCatalog.all());
    }

    /** The sql stage's parser (one per analysis: it remembers MySQL procedures across scripts). */
    static ScriptParser parser() {
        return new SqlScriptParser();
    }

    private List<Migration> keepNotes(MigrationSet set) {
        notes.addAll(set.notes());
        return set.migrations();
    }

    private static Dialect parseDialect(String value) {
        try {
            return Dialect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--dialect " + value + ": " + e.getMessage());
        }
    }
}
