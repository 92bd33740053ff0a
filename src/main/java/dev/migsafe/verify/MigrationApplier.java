package dev.migsafe.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;
import dev.migsafe.sql.SqlStatement;
import dev.migsafe.sql.SqlSyntaxException;
import dev.migsafe.sql.StatementSplitter;
import dev.migsafe.tool.MigrationTool;

/**
 * Applies migrations with the engine that would apply them in production: Flyway for Flyway
 * migrations (so versions, checksums, placeholders and transactions behave as Flyway makes them),
 * Liquibase for Liquibase changeSets, plain JDBC statement by statement for up/down, diesel, dbmate
 * and plain SQL files.
 */
final class MigrationApplier implements AutoCloseable {

    /** The application name of Flyway's sessions: the watchdog tells Flyway's own lock holder by it (LK615). */
    static final String FLYWAY_SESSION = ScratchDatabase.APPLICATION + " Flyway";
    private static final Pattern FLYWAY_FIELD = Pattern.compile("(?m)^(Message|Line|Statement)\\s*:\\s*(.*)$");

    private final ScratchDatabase db;
    private final StatementSplitter splitter;
    private final LiquibaseRunner liquibase;
    private final ProgressListener progress;
    private Path flywayDir;
    /** The project's Flyway settings (placeholders, mixed, group, its transactional lock). */
    private final FlywaySettings flywaySettings;
    /** Flyway's postgresql.transactional.lock: the project's setting, off once LK615 was seen. */
    private boolean flywayLockOn;
    /** The migration-tool deadlock the watchdog broke during the current Flyway run, if any. */
    private final Supplier<Optional<LockWait>> toolDeadlock;
    private final List<String> notes = new ArrayList<>();
    /** One connection for all JDBC scripts: a thousand downs must not mean a thousand logins. */
    private Connection connection;

    MigrationApplier(ScratchDatabase db, ProgressListener progress) {
        this(db, progress, FlywaySettings.DEFAULTS, Optional::empty);
    }

    /**
     * @param flyway       the project's Flyway settings, applied as its Flyway would
     * @param toolDeadlock the wait the watchdog cancelled because Flyway's own session blocked it (LK615)
     */
    MigrationApplier(ScratchDatabase db, ProgressListener progress, FlywaySettings flyway,
                     Supplier<Optional<LockWait>> toolDeadlock) {
        this.db = db;
        this.progress = progress;
        this.flywaySettings = flyway;
        this.flywayLockOn = flyway.transactionalLock();
        this.toolDeadlock = toolDeadlock;
        this.splitter = new StatementSplitter(db.kind().dialect());
        this.liquibase = new LiquibaseRunner(db);
    }

    /** Reads the schema the migrations built, without the tools' own history tables (the project's Flyway table too). */
    SnapshotReader snapshotReader() {
        return new SnapshotReader(db.kind(), flywaySettings.table());
    }

    /** Applies the migrations in order; consecutive Flyway migrations go to Flyway in one run. */
    void apply(List<Migration> migrations) throws MigrationFailedException {
        List<Migration> flywayBatch = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            Migration m = migrations.get(i);
            if (isFlyway(m)) {
                flywayBatch.add(m);
                continue;
            }
            runFlyway(flywayBatch, i - flywayBatch.size(), migrations.size());
            flywayBatch.clear();
            progress.migration(i + 1, migrations.size(), m.up().path());
            if (LiquibaseRunner.runs(m)) {
                liquibase.update(m);
            } else {
                ToolHistory history = ToolHistory.of(m);
                record(m, m.up(), () -> history.beforeUp(connection(), m));
                runScript(m, m.up());
                record(m, m.up(), () -> history.afterUp(connection(), m));
            }
        }
        runFlyway(flywayBatch, migrations.size() - flywayBatch.size(), migrations.size());
    }

    /**
     * Runs the downs of the migrations, last first. Flyway's undo is a paid feature, so Flyway's
     * {@code U} scripts run over JDBC here and their rows are deleted from flyway_schema_history,
     * which is what a team without Flyway Teams does by hand. Liquibase rolls its changeSets back
     * itself.
     */
    void revert(List<Migration> migrations) throws MigrationFailedException {
        for (int i = migrations.size() - 1; i >= 0; i--) {
            Migration m = migrations.get(i);
            if (m.down() == null) {
                continue;
            }
            progress.migration(migrations.size() - i, migrations.size(), m.down().path());
            if (LiquibaseRunner.runs(m)) {
                liquibase.rollback(m);
                continue;
            }
            runScript(m, m.down());
            if (isFlyway(m) && m.version() != null) {
                forgetInFlywayHistory(m);
            }
            Migration previous = i > 0 ? migrations.get(i - 1) : null;
            record(m, m.down(), () -> ToolHistory.of(m).afterDown(connection(), m, previous));
        }
    }

    /** What to add to the step's details since the last call: changeSets skipped, the LK615 workaround. */
    List<String> takeNotes() {
        List<String> notes = new ArrayList<>(this.notes);
        this.notes.clear();
        List<String> skipped = liquibase.takeSkipped();
        if (!skipped.isEmpty()) {
            notes.add("Liquibase skipped " + skipped.size() + " changeSet(s) for another database: " + String.join(", ", skipped));
        }
        return notes;
    }

    static boolean isFlyway(Migration m) {
        return m.tool() == MigrationTool.FLYWAY;
    }

    private void runScript(Migration m, MigrationScript script) throws MigrationFailedException {
        List<SqlStatement> statements;
        try {
            statements = splitter.split(script);
        } catch (SqlSyntaxException e) {
            throw new MigrationFailedException(new MigrationFailure(m, script.path(), e.line(), null, e.getMessage()));
        }
        try (Statement st = connection().createStatement()) {
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    throw new MigrationFailedException(new MigrationFailure(m, script.path(), s.line(), s.text(),
                            Errors.message(e)));
                }
            }
        } catch (SQLException e) {
            throw new MigrationFailedException(new MigrationFailure(m, script.path(), 0, null, Errors.message(e)));
        }
    }

    private interface HistoryWrite {
        void run() throws SQLException;
    }

    /** Writes the tool's history table as the tool would; a failure there is the migration's failure. */
    private static void record(Migration m, MigrationScript script, HistoryWrite write) throws MigrationFailedException {
        try {
            write.run();
        } catch (SQLException e) {
            throw new MigrationFailedException(new MigrationFailure(m, script.path(), 0, null,
                    "could not record it in the migration tool's history table: " + Errors.message(e)));
        }
    }

    private void forgetInFlywayHistory(Migration m) throws MigrationFailedException {
        String history = db.kind().quote(flywaySettings.table());
        try (PreparedStatement ps = connection().prepareStatement("DELETE FROM " + history + " WHERE version = ?")) {
            ps.setString(1, m.version().getVersion());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new MigrationFailedException(new MigrationFailure(m, m.down().path(), 0, null,
                    "could not delete its row from " + flywaySettings.table() + ": " + Errors.message(e)));
        }
    }

    /**
     * Writes the batch's scripts into a directory that accumulates every Flyway migration applied so
     * far and lets Flyway migrate it: already applied files are validated, the new ones applied.
     * When Flyway's own session blocked the run (LK615), the verification goes on as the fix would
     * have it: what the cancelled statement left is cleared and Flyway runs again without the lock.
     *
     * @param before how many migrations of the {@code total} being applied come before the batch
     */
    private void runFlyway(List<Migration> batch, int before, int total) throws MigrationFailedException {
        if (batch.isEmpty()) {
            return;
        }
        Path dir = flywayDir();
        for (Migration m : batch) {
            Path script = dir.resolve(safeRelative(m.up().path()));
            write(script, m.up().content());
            if (m.up().transaction() != TransactionMode.RUNNER_DEFAULT) {
                // the script's own V<n>__x.sql.conf, as Flyway reads it beside the file
                write(script.resolveSibling(script.getFileName() + ".conf"), "executeInTransaction="
                        + (m.up().transaction() == TransactionMode.IN_TRANSACTION) + "\n");
            }
        }
        try {
            flyway(dir, batch, before, total).migrate();
        } catch (FlywayException e) {
            Optional<LockWait> deadlock = flywayLockOn ? toolDeadlock.get() : Optional.empty();
            if (deadlock.isEmpty()) {
                throw new MigrationFailedException(flywayFailure(e, batch));
            }
            flywayLockOn = false;
            notes.add(deadlock.get().lk615() + "; applied again with postgresql.transactional.lock=false, as the fix says,"
                    + " for the rest of the verification");
            try {
                dropInvalidIndexes();
                Flyway again = flyway(dir, batch, before, total);
                again.repair(); // forgets the failed run of the migration
                again.migrate();
            } catch (FlywayException | SQLException retry) {
                throw new MigrationFailedException(retry instanceof FlywayException f ? flywayFailure(f, batch)
                        : new MigrationFailure(null, null, 0, null, Errors.message(retry)));
            }
        }
    }

    /** A cancelled CREATE INDEX CONCURRENTLY leaves its index behind, invalid; running the file again needs it gone. */
    private void dropInvalidIndexes() throws SQLException {
        List<String> invalid = new ArrayList<>();
        try (Statement st = connection().createStatement();
             var rs = st.executeQuery("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_index i"
                     + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE NOT i.indisvalid")) {
            while (rs.next()) {
                invalid.add(rs.getString(1));
            }
        }
        try (Statement st = connection().createStatement()) {
            for (String index : invalid) {
                st.execute("DROP INDEX IF EXISTS " + index);
            }
        }
    }

    private Flyway flyway(Path dir, List<Migration> batch, int before, int total) {
        FluentConfiguration config = Flyway.configure()
                .dataSource(db.jdbcUrlAs(FLYWAY_SESSION), db.user(), db.password())
                .locations("filesystem:" + dir.toAbsolutePath())
                .outOfOrder(true) // a range may add a version below the last applied; HS402 reports it
                .mixed(flywaySettings.mixed())
                .group(flywaySettings.group())
                .placeholderReplacement(flywaySettings.placeholderReplacement())
                .placeholders(flywaySettings.placeholders())
                .cleanDisabled(true)
                .callbacks(new FlywayProgress(info -> {
                    Migration m = find(batch, info);
                    if (m != null) {
                        progress.migration(before + batch.indexOf(m) + 1, total, m.up().path());
                    }
                }));
        config.table(flywaySettings.table());
        if (db.schema() != null) {
            config.schemas(db.schemas().toArray(String[]::new)).defaultSchema(db.schema());
        }
        if (!flywayLockOn && db.kind().isPostgres()) {
            // the project's own Flyway setting; with the default (on), a concurrent index waits for Flyway's
            // idle session, which the watchdog reports as LK615
            config.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        }
        return config.load();
    }

    /** Names the migration, line and statement Flyway reports, in the project's own paths. */
    private MigrationFailure flywayFailure(FlywayException e, List<Migration> batch) {
        Migration failed = e instanceof FlywayMigrateException ? find(batch, ((FlywayMigrateException) e).getMigration()) : null;
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        String message = null;
        String statement = null;
        int line = 0;
        Matcher field = FLYWAY_FIELD.matcher(text);
        while (field.find()) {
            String value = field.group(2).trim();
            switch (field.group(1)) {
                case "Message":
                    message = value;
                    break;
                case "Line":
                    line = value.matches("\\d+") ? Integer.parseInt(value) : 0;
                    break;
                default:
                    statement = value;
            }
        }
        String error = message != null ? message : Errors.oneLine(text);
        if (failed == null) {
            return new MigrationFailure(null, null, 0, null, error);
        }
        // Flyway shows the statement only at debug level; find it by its line in the file
        SqlStatement located = statementAt(failed, line);
        return new MigrationFailure(failed, failed.up().path(), line,
                located != null ? located.text() : statement, error);
    }

    /** The migration of the batch Flyway means by {@code info} (by version, or description when repeatable), or null. */
    private static Migration find(List<Migration> batch, MigrationInfo info) {
        if (info == null) {
            return null;
        }
        return batch.stream()
                .filter(m -> info.getVersion() != null ? info.getVersion().equals(m.version())
                        : m.version() == null && Objects.equals(info.getDescription(), m.description()))
                .findFirst().orElse(null);
    }

    /** The statement of the migration's script that covers the given line, or null. */
    private SqlStatement statementAt(Migration m, int line) {
        if (line <= 0) {
            return null;
        }
        SqlStatement found = null;
        List<SqlStatement> statements;
        try {
            statements = splitter.split(m.up());
        } catch (SqlSyntaxException e) {
            return null;
        }
        for (SqlStatement s : statements) {
            if (s.line() <= line) {
                found = s;
            }
        }
        return found;
    }

    /** Closes the sessions it keeps between migrations (opened again when needed): a database with one cannot be copied. */
    void releaseSessions() {
        liquibase.close();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // it is opened again when needed
        }
        connection = null;
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = db.connect();
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private Path flywayDir() {
        if (flywayDir == null) {
            try {
                flywayDir = Files.createTempDirectory("migsafe-flyway-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return flywayDir;
    }

    /** The project path without leading slashes or parent steps, so it stays inside the directory. */
    private static Path safeRelative(String path) {
        String cleaned = path.replace('\\', '/').replaceAll("(^|/)\\.\\.(?=/|$)", "$1_").replaceAll("^/+", "");
        return Path.of(cleaned.isEmpty() ? "migration.sql" : cleaned);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent() == null ? file.toAbsolutePath().getParent() : file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        liquibase.close();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the database is about to be thrown away
        }
        if (flywayDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(flywayDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
