package dev.migsafe.source;

import java.nio.file.Path;

/**
 * Turns file paths into what users see: relative to the project directory when the file is inside
 * it, else the path as given; always with forward slashes so reports match across systems.
 */
public final class ProjectPaths {
    private final Path projectRoot;

    public ProjectPaths(Path projectDir) {
        this.projectRoot = projectDir.toAbsolutePath().normalize();
    }

    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(projectRoot) && !absolute.equals(projectRoot)) {
            return slashes(projectRoot.relativize(absolute).toString());
        }
        return slashes(file.toString());
    }

    static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
