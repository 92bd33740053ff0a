package dev.migsafe.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.tool.MigrationTool;

/**
 * diesel migrations: one folder per migration, {@code <version>_<name>/up.sql} and {@code down.sql},
 * the version being a timestamp like {@code 2024-01-01-120000} or {@code 00000000000000}. Ordered by
 * the digits of the version; the id is the version as written.
 */
public final class DieselReader implements MigrationReader {
    private static final Pattern FOLDER = Pattern.compile("(\\d[\\d-]*)_(.+)");
    private static final String EXPECTED = "<version>_<name>/up.sql and down.sql";

    private final ScriptLoader loader;

    public DieselReader(ScriptLoader loader) {
        this.loader = loader;
    }

    @Override
    public MigrationSet read(MigrationFiles files) {
        Map<String, Map<String, MigrationFiles.Entry>> byFolder = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (MigrationFiles.Entry entry : files.list()) {
            if (SkipNotes.hidden(entry)) {
                continue;
            }
            if (entry.atTop()) {
                notes.add(SkipNotes.unrecognisedName(files, entry, EXPECTED));
            } else if (entry.folder().indexOf('/') < 0) {
                byFolder.computeIfAbsent(entry.folder(), f -> new LinkedHashMap<>()).put(entry.name(), entry);
            }
        }
        List<Migration> migrations = new ArrayList<>();
        byFolder.forEach((folder, folderFiles) -> {
            Matcher name = FOLDER.matcher(folder);
            MigrationFiles.Entry up = folderFiles.get("up.sql");
            if (!name.matches() || up == null) {
                notes.add(files.displayPath(folder) + ": skipped, folder does not match " + EXPECTED);
                return;
            }
            String id = name.group(1);
            MigrationVersion version = Versions.parse(id.replace("-", ""), files.displayPath(folder));
            MigrationFiles.Entry down = folderFiles.get("down.sql");
            migrations.add(new Migration(id, version, name.group(2), Migration.Kind.VERSIONED,
                    MigrationTool.DIESEL, loader.load(files, up), down == null ? null : loader.load(files, down)));
        });
        return ExecutionOrder.finish(files, migrations, notes, EXPECTED);
    }
}
