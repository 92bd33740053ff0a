package dev.migsafe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a set of output files (reports, a runbook, a baseline) all or none: every file is staged
 * beside its target and only then moved into place; when any step fails, the files already moved are
 * put back as they were and the staged ones removed, and the error names the user's path. Files get
 * the usual permissions of build output (0666 less the umask, typically 0644), not a temp file's 0600.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** @return the files written, in the order given */
    public static List<Path> writeAll(Map<Path, String> contents) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> file : contents.entrySet()) {
                Path target = file.getKey();
                refuseWhatIsInTheWay(target);
                staged.put(target, stage(target, file.getValue()));
            }
            replaceAll(staged);
            return List.copyOf(contents.keySet());
        } finally {
            staged.values().forEach(AtomicFiles::deleteQuietly);
        }
    }

    private static void refuseWhatIsInTheWay(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(target + ": cannot write it, " + (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                    ? "a directory" : "something other than a file") + " is in the way; remove it or write elsewhere");
        }
    }

    private static Path stage(Path target, String content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            // created like any new file, so the umask decides its permissions
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return tmp;
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    /** Moves every staged file onto its target; on a failure, undoes the moves already made. */
    private static void replaceAll(Map<Path, Path> staged) {
        List<Path[]> done = new ArrayList<>(); // target, its previous content (or null)
        try {
            for (Map.Entry<Path, Path> file : staged.entrySet()) {
                Path target = file.getKey();
                Path previous = null;
                try {
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        previous = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".old");
                        move(target, previous);
                    }
                    move(file.getValue(), target);
                    done.add(new Path[] {target, previous});
                } catch (IOException e) {
                    if (previous != null) {
                        restore(previous, target);
                    }
                    throw failed(target, e);
                }
            }
        } catch (RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                Path[] undo = done.get(i);
                deleteQuietly(undo[0]);
                if (undo[1] != null) {
                    restore(undo[1], undo[0]);
                }
            }
            throw e;
        }
        done.stream().filter(d -> d[1] != null).forEach(d -> deleteQuietly(d[1]));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restore(Path previous, Path target) {
        try {
            move(previous, target);
        } catch (IOException e) {
            // the earlier content stays beside it under its hidden name; nothing better can be done
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover hidden temp file is harmless
        }
    }

    private static BadInputException failed(Path target, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
        return new BadInputException(target + ": cannot write it (" + reason + ")");
    }
}
