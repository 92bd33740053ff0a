package dev.migsafe.verify;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What a run started, written down while it exists: one folder per migsafe process under
 * {@code <tmp>/migsafe-runs/<pid>-<start>}, one small file per server, container, worktree or child
 * process (and the embedded server's data directory itself). A run removes each entry when it removes
 * the thing; Ctrl-C and kill run those removals too. SIGKILL (a CI timeout) leaves no chance to, so
 * the next run looks for folders whose process is gone and removes what they list — only that.
 */
final class RunLedger {
    static final String EMBEDDED_DATA = "postgres-data";
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "migsafe-runs");
    private static RunLedger current;

    private final Path dir;
    private final AtomicInteger next = new AtomicInteger();

    private RunLedger(Path dir) {
        this.dir = dir;
    }

    /** The suffix of an entry being written. */
    private static final String PART = ".part";

    /** This process's ledger; on first use, removes what dead runs left behind. */
    static synchronized RunLedger current() {
        if (current == null) {
            Leftovers.removeDeadRuns(ROOT);
            ProcessHandle self = ProcessHandle.current();
            current = new RunLedger(ROOT.resolve(folderName(self.pid(), startOf(self))));
        }
        return current;
    }

    /** An entry for something about to be started; {@link Entry#forget()} once it is gone. */
    Entry record(String kind, Map<String, String> facts) {
        try {
            createFolder();
            Path file = dir.resolve(kind + "-" + next.incrementAndGet());
            Properties p = new Properties();
            p.putAll(facts);
            p.setProperty("kind", kind);
            // written aside, then moved in whole: a run killed while writing leaves no half entry to read
            Path part = dir.resolve(file.getFileName() + PART);
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Entry(file);
        } catch (IOException | UnsupportedOperationException e) {
            return new Entry(null); // no ledger: the run still cleans up after itself, only a later run cannot
        }
    }

    /** A fresh data directory for an embedded server, inside this run's folder (which lists it by being there). */
    Path embeddedDataDirectory() throws IOException {
        createFolder();
        return dir.resolve(EMBEDDED_DATA + "-" + next.incrementAndGet());
    }

    /** Removes this run's folder once nothing is listed in it any more. */
    void removeIfEmpty() {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException stillListed) {
            // something else of this run is still there; its removal tries again
        }
    }

    private void createFolder() throws IOException {
        // only its owner may read what a run started (paths, container sessions)
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    static String folderName(long pid, Instant start) {
        return pid + "-" + (start == null ? 0 : start.toEpochMilli());
    }

    static Instant startOf(ProcessHandle process) {
        return process.info().startInstant().orElse(null);
    }

    /** Whether the process that wrote this ledger folder still runs (a reused pid has another start). */
    static boolean alive(Path folder) {
        String[] parts = folder.getFileName().toString().split("-");
        try {
            long pid = Long.parseLong(parts[0]);
            long start = Long.parseLong(parts[1]);
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            return p.isPresent() && p.get().isAlive()
                    && (start == 0 || startOf(p.get()) == null || startOf(p.get()).toEpochMilli() == start);
        } catch (RuntimeException notOurs) {
            return true; // not a ledger folder of ours: never touch it
        }
    }

    static List<Properties> entries(Path folder) throws IOException {
        List<Properties> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(PART))
                    .sorted(Comparator.reverseOrder()).toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                out.add(p);
            }
        }
        return out;
    }

    /** One thing started by this run. */
    static final class Entry {
        private final Path file;

        private Entry(Path file) {
            this.file = file;
        }

        void forget() {
            if (file == null) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale entry only makes a later run try to remove something already gone
            }
            current().removeIfEmpty();
        }

        /** {@code action}, then this entry forgotten: what to run to remove the thing. */
        AutoCloseable closing(AutoCloseable action) {
            return () -> {
                action.close();
                forget();
            };
        }
    }
}
