package dev.migsafe.source;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.migsafe.BadInputException;

/**
 * Decides the format of a migrations folder from its file names (and, for dbmate and Liquibase, the
 * markers in its files): a Liquibase changelog at the top, else Flyway names anywhere below it, else {@code *.up.sql} at the top, else sub-folders
 * holding an {@code up.sql} (diesel), else {@code .sql} files with a {@code -- migrate:up} line
 * (dbmate), else plain {@code .sql} files.
 */
public final class FormatDetector {
    private static final Pattern FLYWAY_NAME = Pattern.compile("(?:[VB]\\d[\\d._]*|R)__.+\\.sql");
    private static final Pattern CHANGELOG_NAME = Pattern.compile(
            "(?i)(?:.*change-?log.*|.*master.*)\\.(?:xml|ya?ml|json|sql)");

    private final ScriptLoader loader;

    public FormatDetector(ScriptLoader loader) {
        this.loader = loader;
    }

    /** @throws BadInputException when the folder holds nothing that looks like a migration */
    public MigrationFormat detect(MigrationFiles files) {
        return probe(files).orElseThrow(() -> new BadInputException(files.location()
                + ": no migrations found (expected V1__name.sql, 001_name.up.sql, <version>_name/up.sql"
                + " or *.sql files); check the path"));
    }

    /** The format, or empty when the folder holds no migration at all. */
    public Optional<MigrationFormat> probe(MigrationFiles files) {
        List<MigrationFiles.Entry> entries = files.list();
        if (!changelogs(files).isEmpty()) {
            return Optional.of(MigrationFormat.LIQUIBASE);
        }
        if (entries.stream().anyMatch(e -> FLYWAY_NAME.matcher(e.name()).matches())) {
            return Optional.of(MigrationFormat.FLYWAY);
        }
        List<MigrationFiles.Entry> topSql = entries.stream()
                .filter(e -> e.atTop() && SkipNotes.isSql(e) && !SkipNotes.hidden(e)).toList();
        if (topSql.stream().anyMatch(e -> e.name().endsWith(".up.sql"))) {
            return Optional.of(MigrationFormat.UPDOWN);
        }
        if (entries.stream().anyMatch(e -> e.name().equals("up.sql") && isDirectChild(e.folder()))) {
            return Optional.of(MigrationFormat.DIESEL);
        }
        if (topSql.stream().anyMatch(e -> DbmateReader.hasUpMarker(loader.text(files, e)))) {
            return Optional.of(MigrationFormat.DBMATE);
        }
        return topSql.isEmpty() ? Optional.empty() : Optional.of(MigrationFormat.SQL);
    }

    /** A file name Liquibase projects give their changelogs ({@code db.changelog-master.yaml}, {@code changelog.xml}). */
    public static boolean isChangelogName(String name) {
        return CHANGELOG_NAME.matcher(name).matches();
    }

    /**
     * The Liquibase changelogs at the top of the folder: files with a changelog name whose text says
     * so ({@code databaseChangeLog}, or {@code --liquibase formatted sql} on the first line).
     */
    public List<MigrationFiles.Entry> changelogs(MigrationFiles files) {
        return files.list().stream()
                .filter(e -> e.atTop() && isChangelogName(e.name()) && !SkipNotes.hidden(e) && e.size() >= 0
                        && e.size() <= ScriptLoader.DEFAULT_MAX_BYTES)
                .filter(e -> isChangelog(e.name(), loader.text(files, e)))
                .toList();
    }

    private static boolean isChangelog(String name, String text) {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            return text.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("--liquibase formatted sql");
        }
        return text.contains("databaseChangeLog");
    }

    ScriptLoader loader() {
        return loader;
    }

    private static boolean isDirectChild(String folder) {
        return !folder.isEmpty() && folder.indexOf('/') < 0;
    }
}
