package dev.migsafe.source;

import java.util.List;

/**
 * A project's files as the migration locator sees them: a directory on disk, or the tree of a git
 * commit. Paths are relative to the tree's root, with forward slashes; "" is the root itself.
 */
public interface ProjectTree {

    boolean isDirectory(String path);

    /** Names of the folders directly in {@code path}, sorted; empty when it is not a folder. */
    List<String> subfolders(String path);

    /** Names of the regular files directly in {@code path}, sorted; empty when it is not a folder. */
    List<String> files(String path);

    /** The folder's files for the readers. */
    MigrationFiles folder(String path);

    /** A path as messages show it (e.g. relative to the project, or with the git ref it was read at). */
    String display(String path);

    /** {@code parent/name}, or {@code name} at the root. */
    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
