package dev.migsafe.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.BadInputException;
import dev.migsafe.sql.LineEnds;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;
import dev.migsafe.tool.MigrationTool;

/**
 * dbmate migrations: one file {@code <timestamp>_<name>.sql} per migration (not recursive) holding a
 * {@code -- migrate:up} and an optional {@code -- migrate:down} section. Each section becomes a
 * script of the same file whose {@code firstLine} is the line after its marker, so findings point at
 * the real line. A present but blank down section still counts as a down (the author declared it).
 */
public final class DbmateReader implements MigrationReader {
    private static final Pattern NAME = Pattern.compile("(\\d+)_(.*)\\.sql");
    /** Marker lines as dbmate accepts them, options such as {@code transaction:false} allowed. */
    private static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)\\b.*$", Pattern.MULTILINE);
    private static final String EXPECTED = "<timestamp>_<name>.sql with a '-- migrate:up' section";

    private final ScriptLoader loader;

    public DbmateReader(ScriptLoader loader) {
        this.loader = loader;
    }

    /** True when the text has a dbmate up marker; used by format detection. */
    static boolean hasUpMarker(String text) {
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("up")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public MigrationSet read(MigrationFiles files) {
        List<Migration> migrations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SkipNotes.Named file : SkipNotes.topLevelSql(files, NAME, EXPECTED, notes)) {
            MigrationFiles.Entry entry = file.entry();
            Matcher name = file.name();
            String shown = files.displayPath(entry.relativePath());
            MigrationVersion version = Versions.parse(name.group(1), shown);
            String text = loader.text(files, entry);
            MigrationScript up = section(shown, text, "up");
            if (up == null) {
                throw new BadInputException(shown + ":1: no '-- migrate:up' line; dbmate needs one before the"
                        + " migration's SQL");
            }
            migrations.add(new Migration(name.group(1), version, name.group(2), Migration.Kind.VERSIONED,
                    MigrationTool.DBMATE, up, section(shown, text, "down")));
        }
        return ExecutionOrder.finish(files, migrations, notes, EXPECTED);
    }

    /** The text between the {@code which} marker line and the next marker (or the end); null if absent. */
    private static MigrationScript section(String shown, String text, String which) {
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(which)) {
                continue;
            }
            // dbmate runs a section in a transaction unless its marker says transaction:false
            TransactionMode mode = m.group().matches("(?s).*\\btransaction:false\\b.*") ? TransactionMode.NO_TRANSACTION
                    : TransactionMode.RUNNER_DEFAULT;
            int start = LineEnds.skip(text, m.end());
            int end = m.find() ? m.start() : text.length();
            return new MigrationScript(shown, text.substring(start, end), LineEnds.lineOf(text, start), mode);
        }
        return null;
    }
}
