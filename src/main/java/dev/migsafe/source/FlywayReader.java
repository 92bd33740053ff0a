package dev.migsafe.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;
import dev.migsafe.tool.MigrationTool;

/**
 * Flyway SQL migrations, read recursively as Flyway scans its locations: {@code V<version>__<desc>.sql}
 * (versioned), {@code U<version>__<desc>.sql} (undo, the down of the V with the same version),
 * {@code B<version>__<desc>.sql} (baseline) and {@code R__<desc>.sql} (repeatable, run after all
 * versioned ones, ordered by description). The id of a versioned migration is its version as Flyway
 * displays it ({@code V1_2__x.sql} is "1.2"); a repeatable's id is its description. A script's
 * {@code <script>.sql.conf} is read for {@code executeInTransaction}, which lock rules need.
 */
public final class FlywayReader implements MigrationReader {
    private static final Pattern VERSIONED = Pattern.compile("([VUB])(\\d[\\d._]*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final String EXPECTED = "V<version>__<description>.sql";
    private static final String CONF = ".conf";
    private static final Pattern EXECUTE_IN_TRANSACTION =
            Pattern.compile("(?m)^\\s*executeInTransaction\\s*=\\s*(true|false)\\s*$", Pattern.CASE_INSENSITIVE);

    private final ScriptLoader loader;

    public FlywayReader(ScriptLoader loader) {
        this.loader = loader;
    }

    @Override
    public MigrationSet read(MigrationFiles files) {
        List<Migration> forward = new ArrayList<>();
        // undo scripts keyed by version; the sorted map makes 1 and 1.0 the same key, as in Flyway
        Map<MigrationVersion, MigrationScript> undos = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        // script path -> what its .sql.conf says about the transaction
        Map<String, TransactionMode> transactions = new TreeMap<>();
        for (MigrationFiles.Entry entry : files.list()) {
            if (SkipNotes.hidden(entry)) {
                continue;
            }
            if (entry.name().endsWith(".sql" + CONF)) {
                String script = files.displayPath(entry.relativePath());
                transactions.put(script.substring(0, script.length() - CONF.length()),
                        transactionMode(loader.text(files, entry)));
                continue;
            }
            if (!SkipNotes.isSql(entry)) {
                notes.add(SkipNotes.notSql(files, entry));
                continue;
            }
            Matcher versioned = VERSIONED.matcher(entry.name());
            Matcher repeatable = REPEATABLE.matcher(entry.name());
            if (versioned.matches()) {
                MigrationVersion version = Versions.parse(versioned.group(2), files.displayPath(entry.relativePath()));
                MigrationScript script = loader.load(files, entry);
                String description = description(versioned.group(3));
                switch (versioned.group(1)) {
                    case "U" -> {
                        MigrationScript other = undos.putIfAbsent(version, script);
                        if (other != null) {
                            throw ExecutionOrder.duplicate(other.path(), script.path(), version.getVersion());
                        }
                    }
                    case "B" -> forward.add(new Migration(version.getVersion(), version, description,
                            Migration.Kind.BASELINE, MigrationTool.FLYWAY, script, null));
                    default -> forward.add(new Migration(version.getVersion(), version, description,
                            Migration.Kind.VERSIONED, MigrationTool.FLYWAY, script, null));
                }
            } else if (repeatable.matches()) {
                String description = description(repeatable.group(1));
                forward.add(new Migration(description, null, description, Migration.Kind.REPEATABLE,
                        MigrationTool.FLYWAY, loader.load(files, entry), null));
            } else {
                notes.add(SkipNotes.unrecognisedName(files, entry, EXPECTED + " (Flyway callbacks are not analysed)"));
            }
        }
        List<Migration> withUndo = new ArrayList<>();
        for (Migration m : forward) {
            MigrationScript undo = m.kind() == Migration.Kind.VERSIONED ? undos.remove(m.version()) : null;
            withUndo.add(new Migration(m.id(), m.version(), m.description(), m.kind(), m.tool(),
                    configured(m.up(), transactions), configured(undo, transactions)));
        }
        undos.values().forEach(orphan -> notes.add(orphan.path()
                + ": skipped, undo script without a V migration of the same version"));
        return ExecutionOrder.finish(files, withUndo, notes, EXPECTED);
    }

    /** {@code executeInTransaction=true|false} in a script configuration file; the default when absent. */
    static TransactionMode transactionMode(String conf) {
        Matcher m = EXECUTE_IN_TRANSACTION.matcher(conf);
        if (!m.find()) {
            return TransactionMode.RUNNER_DEFAULT;
        }
        return Boolean.parseBoolean(m.group(1)) ? TransactionMode.IN_TRANSACTION : TransactionMode.NO_TRANSACTION;
    }

    private static MigrationScript configured(MigrationScript script, Map<String, TransactionMode> transactions) {
        if (script == null) {
            return null;
        }
        TransactionMode mode = transactions.get(script.path());
        return mode == null ? script : script.withTransaction(mode);
    }

    /** As Flyway shows it: underscores become spaces. */
    private static String description(String raw) {
        return raw.replace('_', ' ');
    }
}
