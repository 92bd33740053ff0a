package dev.migsafe.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.BadInputException;
import dev.migsafe.source.Migration;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** FROM and TO (releases of migsafe.yaml) or --from-dir/--to-dir, shared by can-rollback and plan. */
final class ReleaseSelection {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FROM", description = "The release that is (or will be) deployed, e.g. v1.3.0.")
    String from;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TO", description = "The release to go back to, e.g. v1.2.9.")
    String to;

    @Option(names = "--from-dir", paramLabel = "DIR", description = "Migrations of FROM, as a directory.")
    Path fromDir;

    @Option(names = "--to-dir", paramLabel = "DIR", description = "Migrations of TO, as a directory.")
    Path toDir;

    /** The two releases' migrations. */
    record Selected(String fromLabel, String toLabel, List<Migration> newer, List<Migration> older) {
    }

    Selected select(Workspace ws, String command) {
        if (fromDir != null || toDir != null) {
            if (fromDir == null || toDir == null) {
                throw new BadInputException("--from-dir and --to-dir go together: give both directories");
            }
            List<Migration> newer = ws.directory(fromDir);
            List<Migration> older = ws.directory(toDir);
            return checked(new Selected(from != null ? from : fromDir.toString(), to != null ? to : toDir.toString(),
                    newer, older), command);
        }
        if (from == null || to == null) {
            throw new BadInputException(command + " needs FROM and TO releases (e.g. " + command + " v1.3.0 v1.2.9), "
                    + "or --from-dir DIR --to-dir DIR");
        }
        return checked(new Selected(from, to, ws.release(from), ws.release(to)), command);
    }

    /** An empty range is a mistake (same release twice, or FROM and TO swapped), not a silent GO. */
    private static Selected checked(Selected r, String command) {
        Set<String> olderIds = r.older().stream().map(Migration::id).collect(Collectors.toSet());
        boolean anyNew = r.newer().stream().anyMatch(m -> !olderIds.contains(m.id()));
        if (!anyNew) {
            Set<String> newerIds = r.newer().stream().map(Migration::id).collect(Collectors.toSet());
            boolean swapped = r.older().stream().anyMatch(m -> !newerIds.contains(m.id()));
            throw new BadInputException("no migration of " + r.fromLabel() + " is missing from " + r.toLabel()
                    + ": the range is empty" + (swapped
                    ? "; FROM is the deployed (newer) release: try " + command + " " + r.toLabel() + " " + r.fromLabel()
                    : "; give two different releases"));
        }
        return r;
    }
}
