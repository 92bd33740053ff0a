package dev.migsafe.source.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

import dev.migsafe.BadInputException;
import dev.migsafe.source.MigrationFiles;
import dev.migsafe.source.ProjectTree;

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

    /**
     * Every file below the folder. A symbolic link counts as what it points to when that stays inside
     * the repository (a link leading out of it is refused before anything is read); submodules are
     * another repository's objects and are not followed.
     */
    @Override
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        ObjectId folderTree = tree.treeOf(folder);
        if (folderTree == null) {
            return entries;
        }
        try (ObjectReader reader = tree.repository().newObjectReader()) {
            collect(reader, folderTree, "", new HashSet<>(), entries);
        } catch (IOException e) {
            throw tree.unreadable(folder, e);
        }
        entries.sort(Comparator.comparing(Entry::relativePath));
        return entries;
    }

    /** @param visiting the trees on the way down, so a link back up cannot list forever */
    private void collect(ObjectReader reader, ObjectId treeId, String under, Set<ObjectId> visiting,
                         List<Entry> entries) throws IOException {
        if (!visiting.add(treeId)) {
            throw new BadInputException(tree.display(child(under)) + ": symbolic links form a loop; replace the"
                    + " links with the files themselves");
        }
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(treeId);
            while (walk.next()) {
                String rel = ProjectTree.child(under, walk.getNameString());
                FileMode mode = walk.getFileMode(0);
                ObjectId id = walk.getObjectId(0);
                if (mode == FileMode.SYMLINK) {
                    GitTree.Resolved target = tree.resolveOrNull(child(rel));
                    if (target == null) {
                        entries.add(new Entry(rel, -1)); // dangling: reading it reports the problem
                        continue;
                    }
                    mode = target.mode();
                    id = target.id();
                }
                if (mode == FileMode.TREE) {
                    collect(reader, id, rel, visiting, entries);
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    entries.add(new Entry(rel, reader.getObjectSize(id, Constants.OBJ_BLOB)));
                }
            }
        }
        visiting.remove(treeId);
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
