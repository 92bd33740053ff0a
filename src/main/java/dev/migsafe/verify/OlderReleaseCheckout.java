package dev.migsafe.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the older release's code is: a directory the user gave, a temporary git worktree of its
 * ref (removed afterwards), or the project directory itself.
 */
final class OlderReleaseCheckout implements AutoCloseable {
    /** The name every temporary worktree starts with; a later run removes only folders named so. */
    static final String WORKTREE_PREFIX = "migsafe-older-";


    private final Path dir;
    /** Removes the temporary worktree, also when migsafe is stopped; null when there is none. */
    private final ExitCleanup removal;

    private OlderReleaseCheckout(Path dir, ExitCleanup removal) {
        this.dir = dir;
        this.removal = removal;
    }

    static OlderReleaseCheckout of(VerifySettings settings, ProgressListener progress)
            throws IOException, InterruptedException {
        if (settings.olderReleaseDir() != null) {
            return new OlderReleaseCheckout(settings.olderReleaseDir(), null);
        }
        if (settings.olderReleaseRef() == null) {
            return new OlderReleaseCheckout(settings.projectDir(), null);
        }
        Path worktree = Files.createTempDirectory(WORKTREE_PREFIX);
        Files.delete(worktree); // git worktree add wants to create it
        progress.message("checking out " + settings.olderReleaseRef() + " in " + worktree);
        // the project may be a folder of the repository: run where that folder is in the older release
        String prefix = git(settings.projectDir(), "rev-parse", "--show-prefix").strip();
        RunLedger.Entry entry = RunLedger.current().record("worktree",
                Map.of("repository", settings.projectDir().toAbsolutePath().toString(), "path", worktree.toString()));
        git(settings.projectDir(), "worktree", "add", "--detach", worktree.toString(), settings.olderReleaseRef());
        ExitCleanup removal = ExitCleanup.register(entry.closing(() -> git(settings.projectDir(), "worktree", "remove",
                "--force", worktree.toString())), "git worktree " + worktree);
        return new OlderReleaseCheckout(prefix.isEmpty() ? worktree : worktree.resolve(prefix), removal);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (removal != null) {
            removal.run();
        }
    }

    /** Runs git and returns what it printed. */
    private static String git(Path cwd, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = cwd.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + Errors.oneLine(output));
        }
        return output;
    }
}
