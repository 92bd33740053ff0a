package dev.migsafe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.BadInputException;
import dev.migsafe.source.Migration;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * FROM and TO, the two releases {@code can-rollback}, {@code verify} and {@code plan} compare: names
 * (migsafe.yaml {@code releases:}, git refs, Liquibase tags) or two directories.
 */
final class ReleasePair {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FROM",
            description = "The release that is (or will be) deployed, e.g. v1.3.0.")
    String from;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TO", description = "The release to go back to, e.g. v1.2.9.")
    String to;

    @Option(names = "--from-dir", paramLabel = "DIR", description = "Migrations of FROM, as a directory.")
    Path fromDir;

    @Option(names = "--to-dir", paramLabel = "DIR", description = "Migrations of TO, as a directory.")
    Path toDir;

    /**
     * The two releases' migrations.
     *
     * @param toIsGitRef TO was resolved as a git ref (so the older release's code can be checked out)
     */
    record Releases(String fromLabel, String toLabel, List<Migration> newer, List<Migration> older,
                    boolean toIsGitRef) {
    }

    /**
     * Loads both releases. A range with nothing new is analysed like any other (edited or removed
     * released migrations are HS401's; two releases with the same migrations are GO), with a note that
     * says so; only FROM and TO given the wrong way round is an error.
     */
    Releases select(Workspace ws, String command) {
        if (fromDir != null || toDir != null) {
            if (fromDir == null || toDir == null) {
                throw new BadInputException("--from-dir and --to-dir go together: give both directories");
            }
            return checked(new Releases(from != null ? from : fromDir.toString(), to != null ? to : toDir.toString(),
                    ws.directory(fromDir), ws.directory(toDir), false), command, ws);
        }
        if (from == null || to == null) {
            throw new BadInputException(command + " needs FROM and TO releases (e.g. " + command
                    + " v1.3.0 v1.2.9), or --from-dir DIR --to-dir DIR");
        }
        return checked(new Releases(from, to, ws.release(from), ws.release(to), ws.isGitRef(to)), command, ws);
    }

    /**
     * A range with no new migration. When FROM holds exactly the first migrations of TO, unchanged, and
     * nothing else, FROM is the older release: the two were given the wrong way round (exit 2, as a
     * GO on the reversed question would mislead). Anything else is analysed: migrations edited,
     * renamed or removed in FROM are what HS401 reports, and two releases with the same migrations
     * (a code-only release) have nothing to roll back in the schema; a note tells which.
     */
    private static Releases checked(Releases r, String command, Workspace ws) {
        Map<String, Migration> olderByKey = new LinkedHashMap<>();
        r.older().forEach(m -> olderByKey.put(key(m), m));
        if (r.newer().stream().anyMatch(m -> !olderByKey.containsKey(key(m)))) {
            return r;
        }
        Set<String> newerKeys = r.newer().stream().map(ReleasePair::key).collect(Collectors.toSet());
        List<Migration> removed = r.older().stream().filter(m -> !newerKeys.contains(key(m))).toList();
        List<Migration> edited = r.newer().stream()
                .filter(m -> m.kind() != Migration.Kind.REPEATABLE && !sameAsReleased(m, olderByKey.get(key(m))))
                .toList();
        List<Migration> rerun = r.newer().stream()
                .filter(m -> m.kind() == Migration.Kind.REPEATABLE && !m.checksum().equals(olderByKey.get(key(m)).checksum()))
                .toList();
        if (!removed.isEmpty() && edited.isEmpty() && isEarlierRelease(r.newer(), r.older())) {
            throw new BadInputException("no migration of " + r.fromLabel() + " is missing from " + r.toLabel() + ", and "
                    + r.fromLabel() + " lacks " + r.toLabel() + "'s later " + ids(removed) + ": " + r.fromLabel()
                    + " looks like the older release; FROM is the deployed (newer) release: try " + command + " "
                    + r.toLabel() + " " + r.fromLabel() + " (if " + r.fromLabel() + " really is newer, it deleted released "
                    + "migrations, which HS401 forbids: databases that ran them keep their changes; restore them)");
        }
        String note = "no migration of " + r.fromLabel() + " is missing from " + r.toLabel() + ": the range has nothing new";
        if (removed.isEmpty() && edited.isEmpty() && rerun.isEmpty()) {
            note = r.fromLabel() + " and " + r.toLabel() + " hold the same migrations: the range is empty, the schema "
                    + "has nothing to roll back";
        } else {
            List<String> parts = new ArrayList<>();
            if (!edited.isEmpty()) {
                parts.add(r.fromLabel() + " edits or renames released " + ids(edited));
            }
            if (!removed.isEmpty()) {
                parts.add(r.fromLabel() + " removes released " + ids(removed));
            }
            if (!edited.isEmpty() || !removed.isEmpty()) {
                note += "; " + String.join(", and ", parts) + " (HS401)";
            }
            if (!rerun.isEmpty()) {
                note += "; repeatable " + ids(rerun) + " changed and will run again";
            }
        }
        ws.note(note);
        return r;
    }

    /** Same content and same file name (a moved folder is not a change; a renamed file is, for HS401). */
    private static boolean sameAsReleased(Migration now, Migration released) {
        return now.checksum().equals(released.checksum()) && fileName(now).equals(fileName(released));
    }

    /**
     * The versioned migrations of {@code newer} are the first ones of {@code older}, in the same order,
     * and {@code older} has more (repeatable ones do not tell: either release may add or edit them).
     */
    private static boolean isEarlierRelease(List<Migration> newer, List<Migration> older) {
        List<String> n = newer.stream().filter(m -> m.kind() != Migration.Kind.REPEATABLE).map(ReleasePair::key).toList();
        List<String> o = older.stream().filter(m -> m.kind() != Migration.Kind.REPEATABLE).map(ReleasePair::key).toList();
        return n.size() < o.size() && o.subList(0, n.size()).equals(n);
    }

    private static String ids(List<Migration> migrations) {
        List<String> ids = migrations.stream().map(Migration::id).toList();
        String shown = ids.size() <= 5 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
        return (ids.size() == 1 ? "migration " : "migrations ") + shown;
    }

    private static String fileName(Migration m) {
        String path = m.up().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Identity of a migration across releases, as the analysis and HS401 use it. */
    private static String key(Migration m) {
        return m.kind() == Migration.Kind.VERSIONED ? m.id() : m.kind() + ":" + m.id();
    }
}
