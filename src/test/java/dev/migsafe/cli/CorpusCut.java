package dev.migsafe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.Corpus;

/**
 * A real history of {@code ../shared/corpus} cut into two releases: the last {@code n} migrations are
 * the range, everything before them the older release. The files are read in place and copied only
 * into a temporary project, because an older release of a folder-based history is a folder without
 * the newer files (and without the repeatable migrations, whose older text the corpus does not hold:
 * they join the range). A Liquibase history is cut with {@code releases:} at its changeSets.
 *
 * @param name    how tests and figures call it ("harbor", "authelia-mysql")
 * @param folder  the corpus folder holding the migrations (or the master changelog's folder)
 * @param dialect the project's dialect
 * @param changelog the master changelog's file name, for a Liquibase history; null for files
 */
record CorpusCut(String name, String folder, String dialect, String changelog) {

    static final CorpusCut MARQUEZ = new CorpusCut("marquez", "marquez/api/src/main/resources/marquez/db/migration", "postgresql", null);
    static final CorpusCut HARBOR = new CorpusCut("harbor", "harbor/make/migrations/postgresql", "postgresql", null);
    static final CorpusCut AUTHELIA_POSTGRES = new CorpusCut("authelia-postgres", "authelia/internal/storage/migrations/postgres", "postgresql", null);
    static final CorpusCut AUTHELIA_MYSQL = new CorpusCut("authelia-mysql", "authelia/internal/storage/migrations/mysql", "mysql", null);
    static final CorpusCut TRACCAR = new CorpusCut("traccar", "traccar/schema", "postgresql", "changelog-master.xml");

    /** Where the issue cuts every history: the last 5, 20 and 50 migrations as the range. */
    static final List<Integer> CUTS = List.of(5, 20, 50);

    /**
     * Writes the project for the range of the last {@code last} migrations (all but the first when the
     * history is shorter) and returns the can-rollback arguments before the options.
     */
    List<String> project(Path dir, int last) throws IOException {
        Path source = Corpus.require(folder);
        Path all = Files.createDirectories(dir.resolve("all"));
        copy(source, all, f -> true);
        if (changelog != null) {
            List<String> ids = migrationIds(dir, "migrations:\n  - path: all/" + changelog + "\n    format: liquibase\n");
            int cut = Math.max(0, ids.size() - 1 - last);
            config(dir, "migrations:\n  - path: all/" + changelog + "\n    format: liquibase\nreleases:\n"
                    + "  old: \"" + ids.get(cut) + "\"\n  new: \"" + ids.get(ids.size() - 1) + "\"\n");
            return List.of("can-rollback", "new", "old", "--project", dir.toString());
        }
        List<String> ids = migrationIds(dir, "migrations:\n  - path: all\n");
        List<String> versioned = ids.stream().filter(id -> id.matches("[0-9][0-9._]*")).toList();
        List<String> older = versioned.subList(0, Math.max(1, versioned.size() - last));
        Path oldDir = Files.createDirectories(dir.resolve("old"));
        copy(source, oldDir, f -> older.stream().anyMatch(id -> versionPrefix(id).matcher(f).find()));
        config(dir, "");
        return List.of("can-rollback", "new", "old", "--project", dir.toString(), "--from-dir", all.toString(),
                "--to-dir", oldDir.toString());
    }

    /** "V69.1__x.sql", "0160_2.13.0_schema.up.sql", "V0024.Name.down.sql" belong to their version. */
    private static Pattern versionPrefix(String id) {
        return Pattern.compile("^V?" + Pattern.quote(id) + "(__|[._])");
    }

    private void config(Path dir, String rest) throws IOException {
        Files.writeString(dir.resolve("migsafe.yaml"), "dialect: " + dialect + "\n" + rest);
    }

    /** The history's migration ids in order, as migsafe reads them. */
    private List<String> migrationIds(Path dir, String migrations) throws IOException {
        config(dir, migrations);
        CliRun run = CliRun.of("analyze", "--project", dir.toString(), "--format", "json", "--fail-on", "never");
        List<String> ids = new ArrayList<>();
        for (JsonNode m : run.json().get("migrations")) {
            ids.add(m.get("id").asText());
        }
        return ids;
    }

    /** Copies the files of {@code from} whose names {@code keep} accepts. */
    private static void copy(Path from, Path to, Predicate<String> keep) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            files.filter(Files::isRegularFile).filter(f -> keep.test(f.getFileName().toString())).forEach(f -> {
                try {
                    Files.copy(f, to.resolve(f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
