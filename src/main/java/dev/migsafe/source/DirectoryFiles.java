package dev.migsafe.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        this.dir = dir;
        this.paths = new ProjectPaths(projectDir);
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

    @Override
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> !p.equals(dir)).forEach(p -> {
                BasicFileAttributes attrs = attributes(p);
                if (attrs != null && attrs.isRegularFile()) {
                    entries.add(new Entry(relative(p), attrs.size()));
                } else if (attrs == null) {
                    // a dangling link or a file that vanished: keep it so reading it reports the problem
                    entries.add(new Entry(relative(p), -1));
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
        return Files.readAllBytes(dir.resolve(relativePath));
    }

    @Override
    public String displayPath(String relativePath) {
        return paths.display(dir.resolve(relativePath));
    }

    private String relative(Path p) {
        return ProjectPaths.slashes(dir.relativize(p).toString());
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
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
