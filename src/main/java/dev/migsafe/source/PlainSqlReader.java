package dev.migsafe.source;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.tool.MigrationTool;

/**
 * A folder of plain {@code .sql} files (not recursive), run in name order with numbers compared by
 * value ({@code 2_x.sql} before {@code 10_y.sql}). The id is the file name without {@code .sql}.
 * These migrations have no version ({@link Migration#version()} is null) and no down; their order
 * is their position in the list.
 */
public final class PlainSqlReader implements MigrationReader {
    private final ScriptLoader loader;

    public PlainSqlReader(ScriptLoader loader) {
        this.loader = loader;
    }

    @Override
    public MigrationSet read(MigrationFiles files) {
        List<MigrationFiles.Entry> scripts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (MigrationFiles.Entry entry : files.list()) {
            if (!entry.atTop() || SkipNotes.hidden(entry)) {
                continue;
            }
            if (SkipNotes.isSql(entry)) {
                scripts.add(entry);
            } else {
                notes.add(SkipNotes.notSql(files, entry));
            }
        }
        scripts.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
        List<Migration> migrations = new ArrayList<>();
        for (MigrationFiles.Entry entry : scripts) {
            String id = entry.name().substring(0, entry.name().length() - ".sql".length());
            migrations.add(new Migration(id, null, id, Migration.Kind.VERSIONED, MigrationTool.PLAIN_SQL,
                    loader.load(files, entry), null));
        }
        ExecutionOrder.requireAny(files, migrations, "*.sql files");
        return new MigrationSet(migrations, notes);
    }
}
