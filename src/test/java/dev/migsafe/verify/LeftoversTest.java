package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temp folder is shared: a ledger someone else could write never makes migsafe delete anything. */
class LeftoversTest {

    @TempDir
    Path tmp;

    /** A ledger folder of a run that is gone (pid 1 never started at epoch 1), listing one worktree. */
    private Path deadRun(Path root, String permissions, Path worktree) throws IOException {
        Path run = Files.createDirectories(root.resolve("1-1"));
        Files.writeString(run.resolve("worktree-1"), "kind=worktree\nrepository=" + tmp + "\npath=" + worktree + "\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString(permissions));
        return run;
    }

    @Test
    void aLedgerOthersCouldWriteIsLeftAlone() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("runs"));
        Path victim = Files.createDirectories(tmp.resolve("migsafe-older-victim"));
        deadRun(root, "rwxrwxrwx", victim);

        Leftovers.removeDeadRuns(root);

        assertTrue(Files.exists(victim));
    }

    @Test
    void onlyWorktreesMigsafeMadeAreRemoved() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("runs"));
        Path notOurs = Files.createDirectories(tmp.resolve("project-files"));
        Path ours = Files.createDirectories(tmp.resolve("migsafe-older-123"));
        Path run = deadRun(root, "rwx------", notOurs);
        Files.writeString(run.resolve("worktree-2"), "kind=worktree\nrepository=" + tmp + "\npath=" + ours + "\n");

        Leftovers.removeDeadRuns(root);

        assertTrue(Files.exists(notOurs), "a path not named like migsafe's worktrees is never deleted");
        assertFalse(Files.exists(ours));
        assertFalse(Files.exists(run));
    }

    @Test
    void anEntryCutShortByAKillDoesNotKeepTheRestFromBeingRemoved() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("runs"));
        Path ours = Files.createDirectories(tmp.resolve("migsafe-older-456"));
        Path run = deadRun(root, "rwx------", ours);
        Files.writeString(run.resolve("process-3"), ""); // killed between creating the file and writing it
        Files.writeString(run.resolve("process-4.part"), "kind=pro");

        Leftovers.removeDeadRuns(root);

        assertFalse(Files.exists(ours));
        assertFalse(Files.exists(run));
    }
}
