package dev.migsafe.source;

import java.io.IOException;
import java.util.List;

import dev.migsafe.sql.MigrationScript;

/**
 * A folder of migration files, wherever it lives: a directory on disk today, a folder in a git tree
 * later. Readers see only this, so a new storage needs only a new implementation.
 */
public interface MigrationFiles {

    /** One regular file under the folder. */
    record Entry(String relativePath, long size) {
        /** The last path segment, e.g. {@code V1__init.sql}. */
        public String name() {
            int slash = relativePath.lastIndexOf('/');
            return slash < 0 ? relativePath : relativePath.substring(slash + 1);
        }

        /** The folder part of {@link #relativePath()}, "" for files at the top. */
        public String folder() {
            int slash = relativePath.lastIndexOf('/');
            return slash < 0 ? "" : relativePath.substring(0, slash);
        }

        public boolean atTop() {
            return relativePath.indexOf('/') < 0;
        }
    }

    /** The folder as users should see it in messages (relative to the project when inside it). */
    String location();

    /**
     * Every regular file under the folder, recursively, sorted by relative path (forward slashes).
     * The size is known without reading the file, so oversized files are refused before any read.
     */
    List<Entry> list();

    /** The file's bytes. */
    byte[] read(String relativePath) throws IOException;

    /** The path shown to users for a file of this folder (see {@link MigrationScript#path()}). */
    String displayPath(String relativePath);
}
