package dev.migsafe.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of a small folder's files held in memory, so they can still be read after the storage they
 * came from is gone (a git repository closed once the releases are read). Liquibase reads some files
 * only when a changeSet runs ({@code sqlFile}, {@code loadData}'s CSV), long after the analysis.
 */
public final class InMemoryFiles implements MigrationFiles {
    /** Above this a folder is not copied: it is read where it lives, as long as that stays open. */
    static final long MAX_COPY_BYTES = 64L * 1024 * 1024;

    private final String location;
    private final List<Entry> entries;
    private final Map<String, byte[]> contents;
    private final Map<String, String> displayPaths;

    private InMemoryFiles(String location, List<Entry> entries, Map<String, byte[]> contents,
                          Map<String, String> displayPaths) {
        this.location = location;
        this.entries = entries;
        this.contents = contents;
        this.displayPaths = displayPaths;
    }

    /**
     * The folder's files read now, or the folder itself when it is too large to hold in memory. A
     * file that cannot be read (a dangling editor lock link, no permission) is left out, as if it
     * were not there: only a changelog that includes it would have needed it.
     */
    public static MigrationFiles copyOf(MigrationFiles files) {
        List<Entry> entries = files.list();
        if (entries.stream().mapToLong(Entry::size).sum() > MAX_COPY_BYTES) {
            return files;
        }
        List<Entry> kept = new ArrayList<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        Map<String, String> displayPaths = new LinkedHashMap<>();
        for (Entry e : entries) {
            try {
                contents.put(e.relativePath(), files.read(e.relativePath()));
            } catch (IOException | UncheckedIOException unreadable) {
                continue;
            }
            kept.add(e);
            displayPaths.put(e.relativePath(), files.displayPath(e.relativePath()));
        }
        return new InMemoryFiles(files.location(), List.copyOf(kept), contents, displayPaths);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public List<Entry> list() {
        return entries;
    }

    @Override
    public byte[] read(String relativePath) throws IOException {
        byte[] bytes = contents.get(relativePath);
        if (bytes == null) {
            throw new FileNotFoundException(displayPath(relativePath));
        }
        return bytes.clone();
    }

    @Override
    public String displayPath(String relativePath) {
        String shown = displayPaths.get(relativePath);
        return shown != null ? shown : location.isEmpty() ? relativePath : location + "/" + relativePath;
    }
}
