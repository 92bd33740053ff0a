package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;

class FlywayReaderTest {
    @TempDir
    Path project;

    private MigrationSet read(String folder) {
        return new FlywayReader(new ScriptLoader()).read(new DirectoryFiles(project.resolve(folder), project));
    }

    private static List<String> ids(MigrationSet set) {
        return set.migrations().stream().map(Migration::id).toList();
    }

    @Test
    void ordersVersionsNumericallyAndRepeatablesLast() {
        Dirs.touch(project, "db/R__b_view.sql", "db/V1_10__c.sql", "db/V1.2.10__b.sql", "db/R__a_view.sql",
                "db/V1_2_9__a.sql", "db/V2__d.sql", "db/V20240101.1__e.sql");
        MigrationSet set = read("db");
        assertEquals(List.of("1.2.9", "1.2.10", "1.10", "2", "20240101.1", "a view", "b view"), ids(set));
        Migration repeatable = set.migrations().get(5);
        assertEquals(Migration.Kind.REPEATABLE, repeatable.kind());
        assertNull(repeatable.version());
        assertEquals("flyway", set.migrations().get(0).format());
        assertEquals("a", set.migrations().get(0).description());
    }

    @Test
    void pairsUndoWithItsVersionAndReadsContent() {
        Dirs.write(project, "db/V1__create.sql", "CREATE TABLE t (id int);\n");
        Dirs.write(project, "db/U1__create.sql", "DROP TABLE t;\n");
        Dirs.touch(project, "db/V2__more.sql");
        MigrationSet set = read("db");
        Migration first = set.migrations().get(0);
        assertTrue(first.hasDown());
        assertEquals("DROP TABLE t;\n", first.down().content());
        assertEquals("db/U1__create.sql", first.down().path());
        assertEquals("CREATE TABLE t (id int);\n", first.up().content());
        assertEquals("db/V1__create.sql", first.up().path());
        assertEquals(1, first.up().firstLine());
        assertFalse(set.migrations().get(1).hasDown());
    }

    @Test
    void baselineKeepsItsKindAndSortsAfterTheVersionedOneOfTheSameVersion() {
        Dirs.touch(project, "db/B3__baseline.sql", "db/V3__three.sql", "db/V1__one.sql");
        MigrationSet set = read("db");
        assertEquals(List.of(Migration.Kind.VERSIONED, Migration.Kind.VERSIONED, Migration.Kind.BASELINE),
                set.migrations().stream().map(Migration::kind).toList());
        assertEquals(List.of("1", "3", "3"), ids(set));
    }

    @Test
    void readsSubfoldersAndNotesWhatItSkips() {
        Dirs.touch(project, "db/V1__a.sql", "db/sub/deeper/V2__b.sql", "db/V57__readme.md",
                "db/beforeMigrate.sql", "db/U9__orphan.sql", "db/.DS_Store");
        MigrationSet set = read("db");
        assertEquals(List.of("1", "2"), ids(set));
        assertEquals("db/sub/deeper/V2__b.sql", set.migrations().get(1).up().path());
        assertEquals(3, set.notes().size(), set.notes().toString());
        assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("db/V57__readme.md: skipped, not a .sql file")));
        assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("db/beforeMigrate.sql: skipped")));
        assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("db/U9__orphan.sql: skipped, undo")));
    }

    @Test
    void duplicateVersionsNameBothFiles() {
        Dirs.touch(project, "db/V1__a.sql", "db/V1_0__b.sql");
        BadInputException e = assertThrows(BadInputException.class, () -> read("db"));
        assertTrue(e.getMessage().contains("db/V1__a.sql") && e.getMessage().contains("db/V1_0__b.sql"), e.getMessage());
    }

    @Test
    void duplicateAcrossSubfoldersIsRefused() {
        Dirs.touch(project, "db/a/V2__x.sql", "db/b/V2__y.sql");
        BadInputException e = assertThrows(BadInputException.class, () -> read("db"));
        assertTrue(e.getMessage().contains("db/a/V2__x.sql") && e.getMessage().contains("db/b/V2__y.sql"), e.getMessage());
    }

    @Test
    void folderWithoutMigrationsIsAnError() {
        Dirs.touch(project, "db/readme.md");
        BadInputException e = assertThrows(BadInputException.class, () -> read("db"));
        assertTrue(e.getMessage().startsWith("db: no migrations found"), e.getMessage());
    }
}
