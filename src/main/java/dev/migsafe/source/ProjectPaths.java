package dev.migsafe.source;

import java.io.IOException;
import java.nio.file.Path;

import dev.migsafe.BadInputException;

/**
 * The project's paths: what users see (relative to the project directory when the file is inside
 * it, else the path as given; always with forward slashes so reports match across systems), and
 * the one guard every reader of project files goes through, so that a pull request cannot make
 * migsafe read a file outside the project.
 * <p>
 * The <em>boundary</em> is the project directory ({@code --project}, or the folder holding
 * {@code migsafe.yaml}); for a migrations folder named on the command line outside it, that folder.
 * A path is inside when it is, both as written and with every symbolic link followed, under the
 * boundary's real location. Git refs have their own boundary, the repository (see
 * {@code GitTree}); both word their refusal with {@link #outside(String)}.
 */
public final class ProjectPaths {
    private final Path projectRoot;
    private final Path boundary;
    private Path realBoundary;

    public ProjectPaths(Path projectDir) {
        this(projectDir.toAbsolutePath().normalize(), projectDir.toAbsolutePath().normalize());
    }

    private ProjectPaths(Path projectRoot, Path boundary) {
        this.projectRoot = projectRoot;
        this.boundary = boundary;
    }

    /**
     * The paths for a folder the user named: inside the project, the project stays the boundary;
     * outside it, the folder itself becomes the boundary (the user chose it, its contents are not trusted).
     */
    public ProjectPaths boundedBy(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return absolute.startsWith(boundary) ? this : new ProjectPaths(projectRoot, absolute);
    }

    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(projectRoot) && !absolute.equals(projectRoot)) {
            return slashes(projectRoot.relativize(absolute).toString());
        }
        return slashes(file.toString());
    }

    /**
     * The file or folder, when it lies inside the boundary as written and with links followed.
     * Nothing is read here; a path that does not exist (a dangling link) passes, reading it fails.
     *
     * @throws BadInputException naming the path when it resolves outside the project
     */
    public Path requireInside(Path path) {
        if (!path.toAbsolutePath().normalize().startsWith(boundary)) {
            throw new BadInputException(outside(display(path)));
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return path; // missing or dangling: reading it reports that, nothing outside is read
        }
        if (!real.startsWith(realBoundary())) {
            throw new BadInputException(outside(display(path)));
        }
        return path;
    }

    /** The refusal of a file that leads out of the project, worded the same for every reader. */
    public static String outside(String shown) {
        return shown + ": resolves outside the project (a symbolic link or path leading out of it); migsafe"
                + " reads nothing outside the project, so put the file itself in the project";
    }

    private Path realBoundary() {
        if (realBoundary == null) {
            try {
                realBoundary = boundary.toRealPath();
            } catch (IOException e) {
                realBoundary = boundary;
            }
        }
        return realBoundary;
    }

    static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
