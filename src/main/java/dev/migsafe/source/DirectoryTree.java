package dev.migsafe.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@link ProjectTree} over a directory on disk. */
public final class DirectoryTree implements ProjectTree {
    private final Path root;
    private final ProjectPaths paths;

    /**
     * @param root       the folder the relative paths start from
     * @param projectDir the project root that displayed paths are relative to
     */
    public DirectoryTree(Path root, Path projectDir) {
        this.root = root;
        this.paths = new ProjectPaths(projectDir).boundedBy(root);
    }

    public Path resolve(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(resolve(path));
    }

    @Override
    public List<String> subfolders(String path) {
        return children(path, true);
    }

    @Override
    public List<String> files(String path) {
        return children(path, false);
    }

    @Override
    public MigrationFiles folder(String path) {
        return new DirectoryFiles(resolve(path), paths);
    }

    @Override
    public String display(String path) {
        return paths.display(resolve(path));
    }

    private List<String> children(String path, boolean folders) {
        try (Stream<Path> children = Files.list(resolve(path))) {
            return children.filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
