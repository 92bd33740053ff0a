package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.source.Migration;
import dev.migsafe.source.liquibase.LiquibaseChangeSet;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.RollbackVisitor;
import liquibase.changelog.visitor.UpdateVisitor;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.logging.core.NoOpLogService;
import liquibase.ui.LoggerUIService;

/**
 * Runs Liquibase changeSets with liquibase-core, one at a time, the way {@code liquibase update} and
 * {@code liquibase rollback-count} do: the same visitors run each one (preconditions, transactions,
 * SQL generated for this database, {@code <rollback>} or Liquibase's own inverse), and
 * DATABASECHANGELOG records what ran. A changeSet whose {@code dbms} excludes this database is
 * skipped, and one that already ran unchanged is not run again, as Liquibase decides.
 */
final class LiquibaseRunner implements AutoCloseable {

    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: \\(-?\\d+\\)\\s*(.*?)\\]\\s*$", Pattern.DOTALL);

    private final ScratchDatabase db;
    private final List<String> skipped = new ArrayList<>();
    private Database database;

    LiquibaseRunner(ScratchDatabase db) {
        this.db = db;
    }

    static boolean runs(Migration m) {
        return LiquibaseChangeSet.of(m).isPresent();
    }

    /** Applies the migration's changeSet unless Liquibase would skip it. */
    void update(Migration m) throws MigrationFailedException {
        LiquibaseChangeSet lcs = changeSet(m);
        run(m, lcs, d -> {
            ChangeSet cs = lcs.changeSet();
            if (!new DbmsChangeSetFilter(d).accepts(cs).isAccepted()) {
                if (lcs.analyzedFor(db.kind().dialect())) { // the analysis counted it; this server does not run it
                    skipped.add(m.id() + " (dbms " + String.join(", ", cs.getDbmsSet()) + ", not " + d.getShortName() + ")");
                }
            } else if (new ShouldRunChangeSetFilter(d).accepts(cs).isAccepted()) {
                new UpdateVisitor(d, null).visit(cs, cs.getChangeLog(), d, Set.of());
            }
        });
    }

    /** Rolls the migration's changeSet back when it ran, and forgets it in DATABASECHANGELOG. */
    void rollback(Migration m) throws MigrationFailedException {
        LiquibaseChangeSet lcs = changeSet(m);
        run(m, lcs, d -> {
            ChangeSet cs = lcs.changeSet();
            if (d.getRunStatus(cs) != ChangeSet.RunStatus.NOT_RAN) {
                new RollbackVisitor(d, null).visit(cs, cs.getChangeLog(), d, Set.of());
            }
        });
    }

    /**
     * The changeSets Liquibase left out since the last call because their {@code dbms} excludes this
     * server though the analysis counted them (a {@code dbms: mysql} changeSet on MariaDB).
     */
    List<String> takeSkipped() {
        List<String> taken = List.copyOf(skipped);
        skipped.clear();
        return taken;
    }

    private static LiquibaseChangeSet changeSet(Migration m) {
        return LiquibaseChangeSet.of(m).orElseThrow(() -> new IllegalArgumentException(m.id() + " is not a Liquibase changeSet"));
    }

    private interface Work {
        void run(Database database) throws LiquibaseException, SQLException;
    }

    /**
     * Runs with the changeSet's files as Liquibase's resources, quietly (Liquibase prints to stdout).
     * Only what fails while the changeSet runs is the migration's failure; a database Liquibase cannot
     * work on is not, and ends the step as "could not run".
     */
    private void run(Migration m, LiquibaseChangeSet lcs, Work work) throws MigrationFailedException {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), lcs.resources());
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        Database d;
        try {
            d = Scope.child(scope, this::database);
        } catch (Exception e) {
            throw new IllegalStateException("Liquibase cannot work on the scratch database: " + Errors.message(e), e);
        }
        try {
            Scope.child(scope, () -> work.run(d));
        } catch (Exception e) {
            throw new MigrationFailedException(failure(m, e));
        }
    }

    /** The database's own message and the SQL Liquibase generated, at the changeSet's line. */
    private static MigrationFailure failure(Migration m, Exception e) {
        String statement = null;
        for (Throwable t = e; t != null && statement == null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher sql = t.getMessage() == null ? null : FAILED_SQL.matcher(t.getMessage());
            if (sql != null && sql.find()) {
                statement = sql.group(1).strip();
            }
        }
        String error = Errors.message(e).replaceFirst("\\s*\\[Failed SQL: .*$", "")
                .replaceFirst("^Migration failed for changeset \\S+ Reason: ", "")
                .replaceFirst("^liquibase\\.exception\\.\\w+: ", "");
        return new MigrationFailure(m, m.up().path(), m.up().firstLine(), statement, error);
    }

    /** Liquibase's view of the scratch database, with DATABASECHANGELOG created on first use. */
    private Database database() throws LiquibaseException, SQLException {
        if (database == null) {
            Connection c = db.connect();
            try {
                Database d = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                if (db.schema() != null) {
                    d.setDefaultSchemaName(db.schema());
                    d.setLiquibaseSchemaName(db.schema());
                }
                Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(d).init();
                database = d;
            } catch (LiquibaseException | RuntimeException e) {
                c.close(); // an open session would keep the scratch database from being dropped
                throw e;
            }
        }
        return database;
    }

    @Override
    public void close() {
        if (database == null) {
            return;
        }
        // forget what this database ran; other Liquibase users in the JVM keep theirs
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database).reset();
        try {
            database.close();
        } catch (LiquibaseException e) {
            // the database is about to be thrown away
        }
        database = null; // a later use opens a session again
    }
}
