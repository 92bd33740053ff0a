package dev.migsafe.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;

/** Removes what a run started: at its own exit, or, for a run that was killed, at the next run's start. */
final class Leftovers {

    private Leftovers() {
    }

    /** Ledger folders of runs that are gone: remove what each lists, then the folder; one line per run. */
    static void removeDeadRuns(Path root) {
        // the temp folder is shared: only a ledger this user wrote, that no one else may write, is acted on
        if (!ownedPrivately(root, false)) {
            return;
        }
        List<Path> dead;
        try (Stream<Path> runs = Files.list(root)) {
            dead = runs.filter(r -> ownedPrivately(r, true)).filter(r -> !RunLedger.alive(r)).toList();
        } catch (IOException e) {
            return;
        }
        for (Path run : dead) {
            List<String> removed = new ArrayList<>();
            try {
                for (Properties entry : RunLedger.entries(run)) {
                    removed.add(remove(entry));
                }
                try (Stream<Path> dataDirs = Files.list(run)) {
                    for (Path d : dataDirs.filter(Files::isDirectory).toList()) {
                        removed.add(stopPostgres(d));
                    }
                }
                deleteTree(run);
            } catch (IOException | RuntimeException e) {
                System.err.println("migsafe: could not remove what an earlier run left in " + run + ": " + e.getMessage());
                continue;
            }
            if (!removed.isEmpty()) {
                System.err.println("migsafe: removed what an earlier run (" + run.getFileName() + ") left behind when it was killed: "
                        + String.join("; ", removed));
            }
        }
    }

    private static String remove(Properties entry) throws IOException {
        return switch (entry.getProperty("kind", "")) {
            case "containers" -> removeContainers(entry.getProperty("session"));
            case "worktree" -> removeWorktree(entry.getProperty("repository"), entry.getProperty("path"));
            case "process" -> killProcess(Long.parseLong(entry.getProperty("pid")), Long.parseLong(entry.getProperty("start")));
            default -> "nothing for an entry of kind " + entry.getProperty("kind");
        };
    }

    /** Stops the server running on {@code dataDir} (as its postmaster.pid says), then deletes the directory. */
    static String stopPostgres(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        String stopped = "";
        if (Files.isRegularFile(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
            if (server.isPresent() && server.get().isAlive()
                    && server.get().info().command().map(c -> c.contains("postgres")).orElse(true)) {
                stop(server.get());
                stopped = " (stopped server pid " + server.get().pid() + ")";
            }
        }
        deleteTree(dataDir);
        return "embedded PostgreSQL " + dataDir + stopped;
    }

    /**
     * As {@link #stopPostgres}, for a server this process may still be starting: its initdb or pg_ctl
     * are stopped first, and since the starting thread runs on while migsafe is being stopped, the
     * directory is removed again until nothing comes back.
     */
    static void stopStartingPostgres(Path dataDir) throws IOException {
        for (int round = 0; round < 5 && Files.exists(dataDir); round++) {
            ProcessHandle.current().descendants()
                    // initdb, pg_ctl or postgres working on this very directory
                    .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                    .forEach(p -> {
                        p.destroyForcibly();
                        try {
                            p.onExit().get(5, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            // gone or stuck; the directory is removed anyway
                        }
                    });
            stopPostgres(dataDir);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String removeContainers(String session) {
        var client = DockerClientFactory.instance().client();
        List<String> ids = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, session)).exec()
                .stream().map(c -> c.getId()).toList();
        ids.forEach(id -> client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
        return ids.size() + " container(s) of Testcontainers session " + session;
    }

    /** A real folder (not a link) owned by this user; {@code privately}: writable by no one else either. */
    private static boolean ownedPrivately(Path dir, boolean privately) {
        try {
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(me)) {
                return false;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            return !perms.contains(PosixFilePermission.OTHERS_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && (!privately || !perms.contains(PosixFilePermission.OTHERS_READ));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String removeWorktree(String repository, String path) throws IOException {
        if (!Path.of(path).getFileName().toString().startsWith(OlderReleaseCheckout.WORKTREE_PREFIX)) {
            return "nothing for worktree " + path + " (not one migsafe made)";
        }
        try {
            new ProcessBuilder("git", "-C", repository, "worktree", "remove", "--force", path)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            new ProcessBuilder("git", "-C", repository, "worktree", "prune")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(Path.of(path));
        return "git worktree " + path;
    }

    private static String killProcess(long pid, long startMillis) {
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> RunLedger.startOf(h) == null || RunLedger.startOf(h).toEpochMilli() == startMillis);
        p.ifPresent(h -> {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        });
        return p.isPresent() ? "process " + pid + " and its children" : "process " + pid + " (already gone)";
    }

    private static void stop(ProcessHandle server) {
        server.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the run
        try {
            server.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception slow) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
