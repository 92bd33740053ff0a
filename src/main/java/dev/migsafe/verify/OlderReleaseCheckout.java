package dev.migsafe.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the older release's code is: a directory the user gave, a temporary git worktree of its
 * ref (removed afterwards), or the project directory itself.
 */
final class OlderReleaseCheckout implements AutoCloseable {

    private final Path worktree;
    private final Path dir;
    private final Path projectDir;
    private final boolean temporary;

    private OlderReleaseCheckout(Path worktree, Path dir, Path projectDir, boolean temporary) {
        this.worktree = worktree;
        this.dir = dir;
        this.projectDir = projectDir;
        this.temporary = temporary;
    }

    static OlderReleaseCheckout of(VerifySettings settings, ProgressListener progress)
            throws IOException, InterruptedException {
        if (settings.olderReleaseDir() != null) {
            return new OlderReleaseCheckout(null, settings.olderReleaseDir(), settings.projectDir(), false);
        }
        if (settings.olderReleaseRef() == null) {
            return new OlderReleaseCheckout(null, settings.projectDir(), settings.projectDir(), false);
        }
        Path worktree = Files.createTempDirectory("migsafe-older-");
        Files.delete(worktree); // git worktree add wants to create it
        progress.message("checking out " + settings.olderReleaseRef() + " in " + worktree);
        // the project may be a folder of the repository: run where that folder is in the older release
        String prefix = git(settings.projectDir(), "rev-parse", "--show-prefix").strip();
        git(settings.projectDir(), "worktree", "add", "--detach", worktree.toString(), settings.olderReleaseRef());
        return new OlderReleaseCheckout(worktree, prefix.isEmpty() ? worktree : worktree.resolve(prefix),
                settings.projectDir(), true);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (temporary) {
            git(projectDir, "worktree", "remove", "--force", worktree.toString());
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
