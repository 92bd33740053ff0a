package dev.migsafe.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test files under a temporary folder. */
public final class Dirs {
    private Dirs() {
    }

    public static Path write(Path root, String relativePath, String content) {
        return write(root, relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path root, String relativePath, byte[] content) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each name becomes a file holding "-- name". */
    public static void touch(Path root, String... relativePaths) {
        for (String p : relativePaths) {
            write(root, p, "-- " + p + "\n");
        }
    }
}
