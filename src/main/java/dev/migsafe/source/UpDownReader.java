package dev.migsafe.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.sql.MigrationScript;
import dev.migsafe.tool.MigrationTool;

/**
 * Up/down pairs in one folder (not recursive), as golang-migrate writes them
 * ({@code 0160_2.13.0_schema.up.sql} + {@code .down.sql}) and as Authelia does
 * ({@code V0024.WebAuthnAttestationType.up.sql}). The version is the leading number, ordered
 * numerically; the id is that number as written, without the {@code V} ("0024").
 */
public final class UpDownReader implements MigrationReader {
    private static final Pattern NAME = Pattern.compile("V?(\\d+)(?:[._](.*?))?\\.(up|down)\\.sql");
    private static final String EXPECTED = "<version>_<name>.up.sql and .down.sql";

    private final ScriptLoader loader;

    public UpDownReader(ScriptLoader loader) {
        this.loader = loader;
    }

    @Override
    public MigrationSet read(MigrationFiles files) {
        Map<MigrationVersion, Migration> ups = new TreeMap<>();
        Map<MigrationVersion, MigrationScript> downs = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (SkipNotes.Named file : SkipNotes.topLevelSql(files, NAME, EXPECTED, notes)) {
            MigrationFiles.Entry entry = file.entry();
            Matcher name = file.name();
            String id = name.group(1);
            MigrationVersion version = Versions.parse(id, files.displayPath(entry.relativePath()));
            MigrationScript script = loader.load(files, entry);
            if (name.group(3).equals("up")) {
                String description = name.group(2) == null ? "" : name.group(2);
                Migration up = new Migration(id, version, description, Migration.Kind.VERSIONED,
                        MigrationTool.GOLANG_MIGRATE, script, null);
                Migration other = ups.putIfAbsent(version, up);
                if (other != null) {
                    throw ExecutionOrder.duplicate(other.up().path(), script.path(), id);
                }
            } else {
                MigrationScript other = downs.putIfAbsent(version, script);
                if (other != null) {
                    throw ExecutionOrder.duplicate(other.path(), script.path(), id);
                }
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (Migration up : ups.values()) {
            MigrationScript down = downs.remove(up.version());
            migrations.add(new Migration(up.id(), up.version(), up.description(), up.kind(), up.tool(), up.up(), down));
        }
        downs.values().forEach(orphan -> notes.add(orphan.path() + ": skipped, down script without an up script"));
        return ExecutionOrder.finish(files, migrations, notes, EXPECTED);
    }
}
