package dev.migsafe.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migsafe.BadInputException;
import dev.migsafe.sql.Dialect;

/**
 * Finds the migrations folder of a project when {@code migsafe.yaml} does not name it: the usual
 * places ({@code src/main/resources/db/migration}, {@code db/migration}, {@code migrations}, ...),
 * then the project folder itself, then folders named {@code migration(s)} a few levels down.
 * Also resolves per-dialect layouts such as Authelia's {@code migrations/{mysql,postgres,sqlite}}
 * to the folder of the dialect in use.
 */
public final class MigrationLocator {
    static final List<String> USUAL_PLACES = List.of(
            "src/main/resources/db/migration", "db/migration", "db/migrations", "migrations", "migration",
            "database/migrations", "sql/migrations");
    private static final Set<String> MIGRATION_FOLDER_NAMES = Set.of("migration", "migrations");
    private static final Set<String> NOT_SEARCHED = Set.of("target", "build", "out", "node_modules", "vendor",
            "test", "tests", "dist");
    private static final int SEARCH_DEPTH = 8;
    /** Folder names of per-dialect layouts; null for dialects migsafe cannot analyse. */
    private static final Map<String, Dialect> DIALECT_FOLDERS = dialectFolders();

    private final FormatDetector detector;
    private final Path projectDir;

    public MigrationLocator(Path projectDir, ScriptLoader loader) {
        this.projectDir = projectDir;
        this.detector = new FormatDetector(loader);
    }

    /**
     * The migrations folder of the project.
     *
     * @param dialect the dialect in use, for per-dialect layouts; null means PostgreSQL
     * @throws BadInputException when none is found, or several and the choice is not obvious
     */
    public Path locate(Dialect dialect) {
        if (!Files.isDirectory(projectDir)) {
            throw new BadInputException(display(projectDir) + ": project directory not found; check --project");
        }
        for (String place : USUAL_PLACES) {
            Path candidate = projectDir.resolve(place);
            if (Files.isDirectory(candidate) && holdsMigrations(candidate)) {
                return forDialect(candidate, dialect);
            }
        }
        if (hasTopLevelMigrations(projectDir) || isPerDialect(projectDir)) {
            return forDialect(projectDir, dialect);
        }
        List<Path> found = search();
        if (found.size() == 1) {
            return forDialect(found.get(0), dialect);
        }
        if (found.isEmpty()) {
            throw new BadInputException(display(projectDir) + ": no migrations folder found (looked in "
                    + String.join(", ", USUAL_PLACES) + " and folders named migration(s)); name it under"
                    + " migrations: in migsafe.yaml or pass --from-dir");
        }
        throw new BadInputException(display(projectDir) + ": several migrations folders ("
                + found.stream().map(this::display).collect(Collectors.joining(", "))
                + "); name the one to use under migrations: in migsafe.yaml");
    }

    /**
     * {@code dir} itself, or for a per-dialect layout its sub-folder for {@code dialect}.
     *
     * @throws BadInputException when the layout has no folder for the dialect
     */
    public Path forDialect(Path dir, Dialect dialect) {
        if (!isPerDialect(dir)) {
            return dir;
        }
        Dialect wanted = dialect == null ? Dialect.POSTGRESQL : dialect;
        List<String> available = new ArrayList<>();
        for (Path sub : subfolders(dir)) {
            String name = sub.getFileName().toString();
            if (DIALECT_FOLDERS.containsKey(name.toLowerCase(Locale.ROOT)) && holdsMigrations(sub)) {
                if (DIALECT_FOLDERS.get(name.toLowerCase(Locale.ROOT)) == wanted) {
                    return sub;
                }
                available.add(name);
            }
        }
        throw new BadInputException(display(dir) + ": holds migrations per dialect (" + String.join(", ", available)
                + ") but none for " + wanted + "; pass --dialect or set dialect: in migsafe.yaml");
    }

    /** A folder without migrations of its own whose sub-folders are named after dialects and hold some. */
    public boolean isPerDialect(Path dir) {
        if (hasTopLevelMigrations(dir)) {
            return false;
        }
        return subfolders(dir).stream().anyMatch(sub ->
                DIALECT_FOLDERS.containsKey(sub.getFileName().toString().toLowerCase(Locale.ROOT))
                        && holdsMigrations(sub));
    }

    private boolean holdsMigrations(Path dir) {
        return isPerDialect(dir) || detector.probe(new DirectoryFiles(dir, projectDir)).isPresent();
    }

    /** .sql files right in the folder, or diesel-style sub-folders; not a recursive look. */
    private boolean hasTopLevelMigrations(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql")
                    || Files.isRegularFile(p.resolve("up.sql")));
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> search() {
        List<Path> found = new ArrayList<>();
        try {
            // walkFileTree rather than walk: build output, dependencies and hidden folders are pruned, not listed
            Files.walkFileTree(projectDir, Set.of(), SEARCH_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(projectDir) && skipped(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (MIGRATION_FOLDER_NAMES.contains(String.valueOf(dir.getFileName())) && holdsMigrations(dir)) {
                        found.add(dir); // a migrations folder nested in it is part of it (Flyway reads recursively)
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable corner of the project is not ours to judge
                }
            });
        } catch (IOException e) {
            throw new BadInputException(display(projectDir) + ": cannot search for migrations ("
                    + DirectoryFiles.reason(e) + "); name the folder under migrations: in migsafe.yaml", e);
        }
        return found;
    }

    private static boolean skipped(String folderName) {
        return folderName.startsWith(".") || NOT_SEARCHED.contains(folderName);
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String display(Path p) {
        return new ProjectPaths(projectDir).display(p);
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
