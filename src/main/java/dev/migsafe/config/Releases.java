package dev.migsafe.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.BadInputException;
import dev.migsafe.source.Migration;
import dev.migsafe.source.liquibase.ChangeSetIds;

/**
 * The releases named in {@code migsafe.yaml} and the migrations each one includes.
 *
 * <p>Limitation: a directory holds only the current text of each repeatable migration, so every
 * release gets all repeatable migrations as they are now; their older text needs the git history.
 */
public final class Releases {
    private final ProjectConfig config;

    public Releases(ProjectConfig config) {
        this.config = config;
    }

    public List<String> names() {
        return config.releases().stream().map(Release::name).toList();
    }

    public boolean contains(String name) {
        return config.release(name).isPresent();
    }

    /**
     * The migrations of {@code releaseName}, in execution order: every versioned (and baseline)
     * migration up to and including the release's last one, compared by version (by position for
     * plain .sql files, which have none), then all repeatable ones.
     *
     * @param all the project's migrations in execution order
     * @throws BadInputException for an unknown release, or one whose last id matches no migration
     */
    public List<Migration> upTo(String releaseName, List<Migration> all) {
        Release release = config.release(releaseName).orElseThrow(() -> unknown(releaseName));
        Migration last = find(release.lastMigrationId(), all).orElseThrow(() -> new BadInputException(
                config.describe() + (release.line() > 0 ? ":" + release.line() : "") + ": release '" + release.name()
                        + "' ends at migration '" + release.lastMigrationId() + "', which is not among the "
                        + all.size() + " migrations read" + range(all) + "; fix the id under releases:"));
        return through(last, all);
    }

    /**
     * The migrations of a release the history marks itself (a Liquibase {@code tagDatabase}): those up
     * to and including the tagging migration.
     */
    public List<Migration> upToTag(String tag, String lastMigrationId, List<Migration> all) {
        Migration last = all.stream().filter(m -> m.id().equals(lastMigrationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tag " + tag + " names no migration read"));
        return through(last, all);
    }

    private static List<Migration> through(Migration last, List<Migration> all) {
        List<Migration> included = new ArrayList<>();
        boolean reachedLast = false;
        for (Migration m : all) {
            if (m.kind() == Migration.Kind.REPEATABLE) {
                included.add(m);
            } else if (last.version() != null && m.version() != null) {
                if (m.version().compareTo(last.version()) <= 0) {
                    included.add(m);
                }
            } else if (!reachedLast) {
                included.add(m);
                reachedLast = m == last;
            }
        }
        return included;
    }

    private BadInputException unknown(String name) {
        if (config.releases().isEmpty()) {
            return new BadInputException("unknown release '" + name + "': " + config.describe()
                    + " has no releases: section; add one (release name -> last migration id) or use --from-dir/--to-dir");
        }
        return new BadInputException("unknown release '" + name + "' in " + config.describe() + "; known: "
                + String.join(", ", names()));
    }

    /** By id as written, else a Liquibase changeSet by its id, else by version so that "24" finds "0024" and "1_2" finds "1.2". */
    private static Optional<Migration> find(String id, List<Migration> all) {
        List<Migration> ordered = all.stream().filter(m -> m.kind() != Migration.Kind.REPEATABLE).toList();
        Optional<Migration> exact = ordered.stream().filter(m -> m.id().equals(id)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<Migration> changeSet = ordered.stream().filter(m -> ChangeSetIds.names(m.id(), id)).findFirst();
        if (changeSet.isPresent()) {
            return changeSet;
        }
        Optional<MigrationVersion> version = parseVersion(id);
        return version.flatMap(v -> ordered.stream()
                .filter(m -> m.version() != null && m.version().compareTo(v) == 0).findFirst());
    }

    private static Optional<MigrationVersion> parseVersion(String id) {
        try {
            return Optional.of(MigrationVersion.fromVersion(id.replace('_', '.')));
        } catch (FlywayException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String range(List<Migration> all) {
        List<Migration> ordered = all.stream().filter(m -> m.kind() != Migration.Kind.REPEATABLE)
                .collect(Collectors.toList());
        if (ordered.isEmpty()) {
            return "";
        }
        return " (first '" + ordered.get(0).id() + "', last '" + ordered.get(ordered.size() - 1).id() + "')";
    }
}
