package dev.migsafe.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.migsafe.BadInputException;

/** {@link MigrationFiles} over a directory on disk. */
public final class DirectoryFiles implements MigrationFiles {
    private final Path dir;
    private final ProjectPaths paths;

    /**
     * @param dir        the folder, as the user gave it (relative to the working directory or absolute)
     * @param projectDir the project root that displayed paths are relative to
     */
    public DirectoryFiles(Path dir, Path projectDir) {
        this(dir, new ProjectPaths(projectDir).boundedBy(dir));
    }

    /** @param paths the project's paths: what is shown, and the boundary no file may lead out of */
    DirectoryFiles(Path dir, ProjectPaths paths) {
        this.dir = dir;
        this.paths = paths;
        paths.requireInside(dir);
        if (!Files.exists(dir)) {
            throw new BadInputException(paths.display(dir) + ": directory not found; check the path"
                    + " (or the migrations: entry in migsafe.yaml)");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(paths.display(dir) + ": not a directory; give the folder that"
                    + " holds the migration files");
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String location() {
        return paths.display(dir);
    }

    /**
     * Every regular file below the folder, links followed as long as they stay inside the project:
     * a link (to a file or a folder) leading out of it is refused before anything behind it is
     * listed or read.
     */
    @Override
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(dir, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    paths.requireInside(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    paths.requireInside(p);
                    if (attrs.isRegularFile()) {
                        entries.add(new Entry(relative(p), attrs.size()));
                    } else if (attrs.isSymbolicLink()) {
                        // a dangling link: keep it so reading it reports the problem
                        entries.add(new Entry(relative(p), -1));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (!(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    // a file that vanished while listing: keep it so reading it reports the problem
                    entries.add(new Entry(relative(p), -1));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(location() + ": cannot list the directory (" + reason(e)
                    + "); check its permissions", e);
        }
        entries.sort(Comparator.comparing(Entry::relativePath));
        return entries;
    }

    @Override
    public byte[] read(String relativePath) throws IOException {
        return Files.readAllBytes(paths.requireInside(dir.resolve(relativePath)));
    }

    @Override
    public String displayPath(String relativePath) {
        return paths.display(dir.resolve(relativePath));
    }

    private String relative(Path p) {
        return ProjectPaths.slashes(dir.relativize(p).toString());
    }

    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof NoSuchFileException) {
            return "no such file (a broken link?)";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
