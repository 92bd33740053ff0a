package dev.migsafe.source.liquibase;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.migsafe.BadInputException;
import dev.migsafe.source.MigrationFiles;
import liquibase.resource.AbstractResource;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Lets Liquibase's own changelog parsers read a {@link MigrationFiles} folder (a directory or a
 * folder of a git commit) as their resource root, so {@code include}, {@code includeAll} and
 * {@code sqlFile} resolve inside it. A path whose {@code ..} steps out of the folder is refused (it
 * is never clamped to another file of the folder); the folder's own files were already checked not
 * to lead out of the project. Opening a changelog that is already being parsed further up the
 * include chain is an include cycle, refused by name before Liquibase recurses forever.
 */
final class FilesResourceAccessor implements ResourceAccessor {
    private final MigrationFiles files;

    FilesResourceAccessor(MigrationFiles files) {
        this.files = files;
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        String folder = inFolder(path);
        String prefix = folder.isEmpty() ? "" : folder + "/";
        List<Resource> found = new ArrayList<>();
        for (MigrationFiles.Entry e : files.list()) {
            String rel = e.relativePath();
            if (rel.startsWith(prefix) && (recursive || rel.indexOf('/', prefix.length()) < 0)) {
                found.add(new FileResource(rel));
            }
        }
        return found;
    }

    @Override
    public List<Resource> getAll(String path) {
        String rel = inFolder(path);
        boolean exists = files.list().stream().anyMatch(e -> e.relativePath().equals(rel));
        return exists ? List.of(new FileResource(rel)) : null;
    }

    @Override
    public List<String> describeLocations() {
        return List.of(files.location());
    }

    @Override
    public void close() {
    }

    /** {@link #normalize(String)}, refusing a path that steps out of the folder. */
    private String inFolder(String path) {
        try {
            return normalize(path);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(files.location() + ": Liquibase path '" + path + "' resolves outside this"
                    + " folder; migsafe reads includes, sqlFile and loadData files only inside the changelog's folder,"
                    + " never outside the project");
        }
    }

    /**
     * The path relative to the folder: classpath prefixes, leading slashes, "." and ".." removed.
     *
     * @throws IllegalArgumentException when a ".." steps above the folder
     */
    static String normalize(String path) {
        String p = path.replace('\\', '/').replaceFirst("^classpath\\*?:", "");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.pollLast() == null) {
                    throw new IllegalArgumentException(path + " leads out of the folder");
                }
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private final class FileResource extends AbstractResource {
        FileResource(String relativePath) {
            super(relativePath, uri(relativePath));
        }

        private static URI uri(String relativePath) {
            try {
                return new URI("migsafe", "/" + relativePath, null); // quotes what a URI cannot hold
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(relativePath, e);
            }
        }

        @Override
        public boolean exists() {
            return getAll(getPath()) != null;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            if (!exists()) {
                throw new FileNotFoundException(files.displayPath(getPath()));
            }
            IncludeChain.refuseCycle(getPath(), files);
            byte[] bytes = files.read(getPath());
            if (YamlAliasGuard.isYaml(getPath())) {
                YamlAliasGuard.check(files.displayPath(getPath()), bytes);
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Resource resolve(String other) {
            return new FileResource(inFolder(resolvePath(other)));
        }

        @Override
        public Resource resolveSibling(String other) {
            return new FileResource(inFolder(resolveSiblingPath(other)));
        }
    }
}
