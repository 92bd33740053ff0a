package dev.migsafe.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder beside the fuzz projects, never inside one, whose files hold a canary word. Hostile inputs
 * point at these files (symlinks, includes, {@code ../} paths, XXE); the canary appearing in any output
 * means migsafe read a file outside the project it was asked to check.
 */
final class Outside {
    /** Appears only in these files; matched case-insensitively (migsafe lower-cases object names). */
    static final String CANARY = "zqxjcanary";

    private final Path dir;

    private Outside(Path dir) {
        this.dir = dir;
    }

    static Outside create(Path dir) throws IOException {
        Files.createDirectories(dir);
        String sql = "-- " + CANARY + " first line\nALTER TABLE " + CANARY + "_t DROP COLUMN " + CANARY + "_c;\n"
                + "root:x:0:0:" + CANARY + ":/root:/bin/bash\n";
        Files.writeString(dir.resolve("secret.sql"), sql);
        Files.writeString(dir.resolve("V9__secret.sql"), sql);
        Files.writeString(dir.resolve("secret.txt"), CANARY + "-plain-text");
        Files.writeString(dir.resolve("secret.yaml"), "dialect: " + CANARY + "\n");
        Files.writeString(dir.resolve("secret.xml"), Changelogs.xml(
                Changelogs.changeSet(CANARY + "-1", "<sql>ALTER TABLE " + CANARY + "_t RENAME COLUMN a TO " + CANARY + "_b</sql>")));
        return new Outside(dir);
    }

    Path dir() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** {@code name} in this folder as a relative path from {@code from} (a folder of a project). */
    String relativeFrom(Path from, String name) {
        return from.toAbsolutePath().normalize().relativize(file(name).toAbsolutePath().normalize()).toString();
    }
}
