package dev.migsafe.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.migsafe.BadInputException;
import dev.migsafe.dialect.Dialect;

/**
 * Finds the migrations folder of a project when {@code migsafe.yaml} does not name it: the usual
 * places ({@code src/main/resources/db/migration}, {@code db/migration}, {@code migrations}, ...),
 * then the project folder itself, then folders named {@code migration(s)} or {@code changelog} a few
 * levels down. Also resolves per-dialect layouts such as Authelia's
 * {@code migrations/{mysql,postgres,sqlite}} to the folder of the dialect in use.
 *
 * <p>Works on a {@link ProjectTree}, so the same search runs on a directory and on a git commit
 * (projects move their migrations folder between releases).
 */
public final class MigrationLocator {
    static final List<String> USUAL_PLACES = List.of(
            "src/main/resources/db/migration", "db/migration", "db/migrations", "migrations", "migration",
            "database/migrations", "sql/migrations", "src/main/resources/db/changelog", "db/changelog");
    private static final Set<String> MIGRATION_FOLDER_NAMES = Set.of("migration", "migrations", "changelog");
    private static final Set<String> NOT_SEARCHED = Set.of("target", "build", "out", "node_modules", "vendor",
            "test", "tests", "dist");
    private static final int SEARCH_DEPTH = 8;
    /** Folder names of per-dialect layouts; null for dialects migsafe cannot analyse. */
    private static final Map<String, Dialect> DIALECT_FOLDERS = dialectFolders();

    private final FormatDetector detector;
    private final ProjectTree tree;
    private final Path projectDir;

    /** Searches a project directory on disk. */
    public MigrationLocator(Path projectDir, ScriptLoader loader) {
        this(new DirectoryTree(projectDir, projectDir), loader, projectDir);
    }

    /** Searches any project tree (e.g. a git commit); only the String-path methods apply. */
    public MigrationLocator(ProjectTree tree, ScriptLoader loader) {
        this(tree, loader, null);
    }

    private MigrationLocator(ProjectTree tree, ScriptLoader loader, Path projectDir) {
        this.tree = tree;
        this.detector = new FormatDetector(loader);
        this.projectDir = projectDir;
    }

    /**
     * The migrations folder of the project on disk.
     *
     * @param dialect the dialect in use, for per-dialect layouts; null means PostgreSQL
     * @throws BadInputException when none is found, or several and the choice is not obvious
     */
    public Path locate(Dialect dialect) {
        String found = locateFolder(dialect);
        return found.isEmpty() ? projectDir : projectDir.resolve(found);
    }

    /** As {@link #locate(Dialect)}, as a path in the tree ("" for its root). */
    public String locateFolder(Dialect dialect) {
        if (!tree.isDirectory("")) {
            throw new BadInputException(tree.display("") + ": project directory not found; check --project");
        }
        for (String place : USUAL_PLACES) {
            if (tree.isDirectory(place) && holdsMigrations(place)) {
                return dialectFolder(place, dialect);
            }
        }
        if (hasTopLevelMigrations("") || isPerDialect("")) {
            return dialectFolder("", dialect);
        }
        List<String> found = new ArrayList<>();
        search("", 0, found);
        if (found.size() == 1) {
            return dialectFolder(found.get(0), dialect);
        }
        if (found.isEmpty()) {
            throw new BadInputException(tree.display("") + ": no migrations folder found (looked in "
                    + String.join(", ", USUAL_PLACES) + " and folders named migration(s) or changelog); name it"
                    + " under migrations: in migsafe.yaml or pass --from-dir");
        }
        throw new BadInputException(tree.display("") + ": several migrations folders ("
                + found.stream().map(tree::display).collect(Collectors.joining(", "))
                + "); name the one to use under migrations: in migsafe.yaml");
    }

    /**
     * {@code dir} itself, or for a per-dialect layout its sub-folder for {@code dialect}.
     *
     * @throws BadInputException when the layout has no folder for the dialect
     */
    public Path forDialect(Path dir, Dialect dialect) {
        String sub = new MigrationLocator(new DirectoryTree(dir, projectDir), detector.loader(), projectDir)
                .dialectFolder("", dialect);
        return sub.isEmpty() ? dir : dir.resolve(sub);
    }

    /** As {@link #forDialect(Path, Dialect)}, for a folder of the tree. */
    public String dialectFolder(String dir, Dialect dialect) {
        if (!isPerDialect(dir)) {
            return dir;
        }
        Dialect wanted = dialect == null ? Dialect.POSTGRESQL : dialect;
        List<String> available = new ArrayList<>();
        for (String name : tree.subfolders(dir)) {
            String sub = ProjectTree.child(dir, name);
            if (DIALECT_FOLDERS.containsKey(name.toLowerCase(Locale.ROOT)) && holdsMigrations(sub)) {
                if (DIALECT_FOLDERS.get(name.toLowerCase(Locale.ROOT)) == wanted) {
                    return sub;
                }
                available.add(name);
            }
        }
        throw new BadInputException(tree.display(dir) + ": holds migrations per dialect (" + String.join(", ", available)
                + ") but none for " + wanted + "; pass --dialect or set dialect: in migsafe.yaml");
    }

    /** A folder without migrations of its own whose sub-folders are named after dialects and hold some. */
    public boolean isPerDialect(Path dir) {
        return new MigrationLocator(new DirectoryTree(dir, projectDir), detector.loader(), projectDir).isPerDialect("");
    }

    private boolean isPerDialect(String dir) {
        if (hasTopLevelMigrations(dir)) {
            return false;
        }
        return tree.subfolders(dir).stream().anyMatch(name ->
                DIALECT_FOLDERS.containsKey(name.toLowerCase(Locale.ROOT))
                        && holdsMigrations(ProjectTree.child(dir, name)));
    }

    private boolean holdsMigrations(String dir) {
        return isPerDialect(dir) || detector.probe(tree.folder(dir)).isPresent();
    }

    /** Migration files right in the folder, or diesel-style sub-folders; not a recursive look. */
    private boolean hasTopLevelMigrations(String dir) {
        return tree.files(dir).stream().anyMatch(name -> name.endsWith(".sql") || FormatDetector.isChangelogName(name))
                || tree.subfolders(dir).stream().anyMatch(sub -> tree.files(ProjectTree.child(dir, sub)).contains("up.sql"));
    }

    /** Build output, dependencies and hidden folders are pruned, not listed. */
    private void search(String dir, int depth, List<String> found) {
        if (depth >= SEARCH_DEPTH) {
            return;
        }
        for (String name : tree.subfolders(dir)) {
            if (skipped(name)) {
                continue;
            }
            String sub = ProjectTree.child(dir, name);
            if (MIGRATION_FOLDER_NAMES.contains(name) && holdsMigrations(sub)) {
                found.add(sub); // a migrations folder nested in it is part of it (Flyway reads recursively)
            } else {
                search(sub, depth + 1, found);
            }
        }
    }

    private static boolean skipped(String folderName) {
        return folderName.startsWith(".") || NOT_SEARCHED.contains(folderName);
    }

    private static Map<String, Dialect> dialectFolders() {
        Map<String, Dialect> m = new TreeMap<>();
        for (String name : List.of("postgres", "postgresql", "pg", "pgsql")) {
            m.put(name, Dialect.POSTGRESQL);
        }
        m.put("mysql", Dialect.MYSQL);
        m.put("mariadb", Dialect.MYSQL);
        for (String name : List.of("sqlite", "sqlite3", "mssql", "sqlserver", "oracle", "h2", "hsqldb", "db2")) {
            m.put(name, null);
        }
        return m;
    }
}
