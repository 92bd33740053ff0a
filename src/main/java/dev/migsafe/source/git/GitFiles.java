package dev.migsafe.source.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

import dev.migsafe.source.MigrationFiles;

/**
 * {@link MigrationFiles} over a folder of a git commit, read straight from git objects: no checkout,
 * the working tree is never touched. Paths are shown as in the working tree (relative to the
 * project), so a finding at one release points at the same file as at another.
 */
public final class GitFiles implements MigrationFiles {
    private final GitTree tree;
    private final String folder;

    /** @param folder the folder's path relative to the project ("" for the project folder) */
    GitFiles(GitTree tree, String folder) {
        this.tree = tree;
        this.folder = folder;
    }

    @Override
    public String location() {
        return tree.display(folder);
    }

    @Override
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        ObjectId folderTree = tree.treeOf(folder);
        if (folderTree == null) {
            return entries;
        }
        try (ObjectReader reader = tree.repository().newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(folderTree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    long size = reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
                    entries.add(new Entry(walk.getPathString(), size));
                }
            }
        } catch (IOException e) {
            throw tree.unreadable(folder, e);
        }
        entries.sort(Comparator.comparing(Entry::relativePath));
        return entries;
    }

    @Override
    public byte[] read(String relativePath) throws IOException {
        return tree.bytes(child(relativePath));
    }

    @Override
    public String displayPath(String relativePath) {
        return child(relativePath);
    }

    private String child(String relativePath) {
        return folder.isEmpty() ? relativePath : folder + "/" + relativePath;
    }
}
