package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.sql.TransactionMode;

/** What a script's own settings say about the runner's transaction, as lock rules need it. */
class TransactionSettingsTest {
    @TempDir
    Path project;

    @Test
    void flywayScriptConfigurationFiles() {
        Dirs.write(project, "db/V1__a.sql", "CREATE INDEX CONCURRENTLY i ON t (c);");
        Dirs.write(project, "db/V1__a.sql.conf", "# no transaction\nexecuteInTransaction=false\n");
        Dirs.write(project, "db/V2__b.sql", "SELECT 1;");
        Dirs.write(project, "db/V2__b.sql.conf", "executeInTransaction = true");
        Dirs.write(project, "db/V3__c.sql", "SELECT 1;");
        Dirs.write(project, "db/U1__a.sql", "DROP INDEX CONCURRENTLY i;");
        MigrationSet set = new FlywayReader(new ScriptLoader()).read(new DirectoryFiles(project.resolve("db"), project));
        List<Migration> m = set.migrations();
        assertEquals(TransactionMode.NO_TRANSACTION, m.get(0).up().transaction());
        assertEquals(TransactionMode.RUNNER_DEFAULT, m.get(0).down().transaction());
        assertEquals(TransactionMode.IN_TRANSACTION, m.get(1).up().transaction());
        assertEquals(TransactionMode.RUNNER_DEFAULT, m.get(2).up().transaction());
        assertEquals(List.of(), set.notes(), "a .sql.conf is read, not skipped");
    }

    @Test
    void dbmateTransactionFalseMarker() {
        Dirs.write(project, "db/migrations/20240101000000_idx.sql", """
                -- migrate:up transaction:false
                CREATE INDEX CONCURRENTLY i ON t (c);
                -- migrate:down
                DROP INDEX i;
                """);
        Migration m = new DbmateReader(new ScriptLoader())
                .read(new DirectoryFiles(project.resolve("db/migrations"), project)).migrations().get(0);
        assertEquals(TransactionMode.NO_TRANSACTION, m.up().transaction());
        assertEquals(TransactionMode.RUNNER_DEFAULT, m.down().transaction());
    }
}
