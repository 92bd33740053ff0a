package dev.migsafe.source.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import dev.migsafe.BadInputException;
import dev.migsafe.source.MigrationFiles;
import dev.migsafe.source.ProjectTree;

/**
 * The project's files at one git commit, as a {@link ProjectTree}: paths relative to the project
 * folder (which may be a sub-folder of the repository), read from git objects only.
 */
public final class GitTree implements ProjectTree {
    private final Repository repository;
    private final RevCommit commit;
    private final String prefix;
    private final String ref;

    /**
     * @param prefix the project folder's path in the repository ("" when it is the repository's root)
     * @param ref    the ref as the user typed it, for messages
     */
    GitTree(Repository repository, RevCommit commit, String prefix, String ref) {
        this.repository = repository;
        this.commit = commit;
        this.prefix = prefix;
        this.ref = ref;
    }

    public String ref() {
        return ref;
    }

    public RevCommit commit() {
        return commit;
    }

    Repository repository() {
        return repository;
    }

    @Override
    public boolean isDirectory(String path) {
        return treeOf(path) != null;
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
        return new GitFiles(this, path);
    }

    @Override
    public String display(String path) {
        return (path.isEmpty() ? "the project" : path) + " at " + ref;
    }

    /** A file's bytes at this commit, or empty when there is no such file. */
    public Optional<byte[]> file(String path) {
        try {
            return Optional.of(bytes(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The tree object of a folder (project-relative), or null when it is not a folder at this commit. */
    ObjectId treeOf(String path) {
        String full = inRepository(path);
        if (full.isEmpty()) {
            return commit.getTree();
        }
        try (TreeWalk walk = TreeWalk.forPath(repository, full, commit.getTree())) {
            return walk != null && walk.getFileMode(0) == FileMode.TREE ? walk.getObjectId(0) : null;
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    byte[] bytes(String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, inRepository(path), commit.getTree())) {
            if (walk == null || (walk.getFileMode(0).getBits() & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                throw new java.io.FileNotFoundException(path + " at " + ref);
            }
            return repository.open(walk.getObjectId(0)).getBytes();
        }
    }

    BadInputException unreadable(String path, IOException e) {
        return new BadInputException(display(path) + ": cannot read it from git (" + e.getMessage()
                + "); run git fsck, or fetch the missing objects", e);
    }

    private List<String> children(String path, boolean folders) {
        ObjectId tree = treeOf(path);
        List<String> names = new ArrayList<>();
        if (tree == null) {
            return names;
        }
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            while (walk.next()) {
                boolean isFolder = walk.getFileMode(0) == FileMode.TREE;
                boolean isFile = (walk.getFileMode(0).getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
                if (folders ? isFolder : isFile) {
                    names.add(walk.getNameString());
                }
            }
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        names.sort(null);
        return names;
    }

    private String inRepository(String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? prefix : prefix + "/" + path;
    }
}
