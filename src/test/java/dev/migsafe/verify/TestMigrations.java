package dev.migsafe.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.source.DirectoryFiles;
import dev.migsafe.source.Migration;
import dev.migsafe.source.ScriptLoader;
import dev.migsafe.source.liquibase.ChangeSetSelection;
import dev.migsafe.source.liquibase.LiquibaseReader;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.tool.MigrationTool;

/** Migrations built in memory, as the source stage would read them from a project. */
final class TestMigrations {

    private TestMigrations() {
    }

    /** A Flyway migration db/migration/V{version}__{name}.sql, with its U file when down is not null. */
    static Migration flyway(String version, String name, String up, String down) {
        String base = "V" + version.replace('.', '_') + "__" + name + ".sql";
        return new Migration(version, MigrationVersion.fromVersion(version), name.replace('_', ' '),
                Migration.Kind.VERSIONED, MigrationTool.FLYWAY, new MigrationScript("db/migration/" + base, up),
                down == null ? null : new MigrationScript("db/migration/U" + base.substring(1), down));
    }

    /** An up/down pair db/{version}_{name}.up.sql / .down.sql, applied over JDBC. */
    static Migration updown(String version, String name, String up, String down) {
        String base = "db/" + version + "_" + name;
        return new Migration(version, MigrationVersion.fromVersion(version), name, Migration.Kind.VERSIONED, MigrationTool.GOLANG_MIGRATE,
                new MigrationScript(base + ".up.sql", up),
                down == null ? null : new MigrationScript(base + ".down.sql", down));
    }

    /**
     * The changeSets of a Liquibase changelog written into {@code dir} with its files ({@code name ->
     * text}); the master changelog is the first file.
     */
    static List<Migration> liquibase(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String master = files.keySet().iterator().next();
        return new LiquibaseReader(new ScriptLoader(), ChangeSetSelection.ALL, master)
                .read(new DirectoryFiles(dir, dir)).migrations();
    }
}
