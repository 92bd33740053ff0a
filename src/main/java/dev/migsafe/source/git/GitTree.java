package dev.migsafe.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

import dev.migsafe.BadInputException;
import dev.migsafe.source.MigrationFiles;
import dev.migsafe.source.ProjectPaths;
import dev.migsafe.source.ProjectTree;

/**
 * The project's files at one git commit, as a {@link ProjectTree}: paths relative to the project
 * folder (which may be a sub-folder of the repository), read from git objects only.
 */
public final class GitTree implements ProjectTree {
    /** As many links as Linux follows in one path. */
    private static final int MAX_LINKS = 40;
    /** A link's target is a path; a longer "link" is not one git made. */
    private static final long MAX_LINK_BYTES = 4096;

    private final Repository repository;
    private final RevCommit commit;
    private final String prefix;
    private final String ref;
    /** Tree objects already read, by id (files may be read from several threads). */
    private final Map<ObjectId, Map<String, Resolved>> trees = new ConcurrentHashMap<>();

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

    /** What a path names here (links followed inside the repository), or null; for listings. */
    Resolved resolveOrNull(String path) {
        try {
            return resolve(path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
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
        try {
            Resolved found = resolve(path);
            return found != null && found.mode() == FileMode.TREE ? found.id() : null;
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    byte[] bytes(String path) throws IOException {
        Resolved found = resolve(path);
        if (found == null || !found.isFile()) {
            throw new java.io.FileNotFoundException(path + " at " + ref);
        }
        return repository.open(found.id()).getBytes();
    }

    /** What a path names at this commit once links are followed. */
    record Resolved(ObjectId id, FileMode mode) {
        boolean isFile() {
            return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
        }
    }

    /**
     * The object a project-relative path names, symbolic links followed as git would check them out,
     * or null when there is none (or it is a submodule, whose objects are another repository's). A
     * link is followed only while it stays inside the repository: an absolute target, or one whose
     * {@code ..} steps above the repository's root, is refused unread.
     *
     * @throws BadInputException naming the path when a link leads out of the repository
     */
    Resolved resolve(String path) throws IOException {
        Deque<String> todo = new ArrayDeque<>(List.of(inRepository(path).split("/")));
        Resolved root = new Resolved(commit.getTree(), FileMode.TREE);
        // the resolved part, real entries and no links: the folders walked from the root, innermost last
        Deque<Resolved> done = new ArrayDeque<>();
        Resolved at = root;
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) { // only link targets hold these
                if (done.isEmpty()) {
                    throw new BadInputException(ProjectPaths.outside(display(path)));
                }
                done.removeLast();
                at = done.isEmpty() ? root : done.getLast();
                continue;
            }
            if (at.mode() != FileMode.TREE) {
                return null;
            }
            Resolved next = entries(at.id()).get(name);
            if (next == null || next.mode() == FileMode.GITLINK) {
                return null;
            }
            if (next.mode() != FileMode.SYMLINK) {
                done.addLast(next);
                at = next;
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new BadInputException(display(path) + ": too many levels of symbolic links; replace the"
                        + " links with the files themselves");
            }
            String target = linkTarget(next.id(), path).replace('\\', '/');
            if (target.startsWith("/") || target.matches("^[A-Za-z]:.*")) {
                throw new BadInputException(ProjectPaths.outside(display(path)));
            }
            List<String> parts = List.of(target.split("/"));
            for (int i = parts.size() - 1; i >= 0; i--) {
                todo.addFirst(parts.get(i)); // relative to the link's folder, which is where "done" is
            }
        }
        return at;
    }

    /**
     * The entries of a tree object by name, as stored (links not followed), read once: resolving every
     * file of a large folder by walking it again per file took time in the square of its size.
     */
    private Map<String, Resolved> entries(ObjectId tree) throws IOException {
        Map<String, Resolved> known = trees.get(tree);
        if (known != null) {
            return known;
        }
        Map<String, Resolved> read = new HashMap<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            for (CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tree); !p.eof(); p.next()) {
                read.put(p.getEntryPathString(), new Resolved(p.getEntryObjectId(), p.getEntryFileMode()));
            }
        }
        trees.put(tree.copy(), read);
        return read;
    }

    private String linkTarget(ObjectId link, String path) throws IOException {
        ObjectLoader loader = repository.open(link);
        if (loader.getSize() > MAX_LINK_BYTES) {
            throw new BadInputException(ProjectPaths.outside(display(path)));
        }
        return new String(loader.getBytes(), StandardCharsets.UTF_8);
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
                Resolved entry = walk.getFileMode(0) == FileMode.SYMLINK
                        ? resolveOrNull(ProjectTree.child(path, walk.getNameString()))
                        : new Resolved(walk.getObjectId(0), walk.getFileMode(0));
                boolean isFolder = entry != null && entry.mode() == FileMode.TREE;
                boolean isFile = entry != null && entry.isFile();
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
