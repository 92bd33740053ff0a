package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;

class UpDownReaderTest {
    @TempDir
    Path project;

    private MigrationSet read(String folder) {
        return new UpDownReader(new ScriptLoader()).read(new DirectoryFiles(project.resolve(folder), project));
    }

    @Test
    void pairsGolangMigrateFilesInNumericOrder() {
        Dirs.write(project, "m/10_add.up.sql", "ALTER TABLE t ADD c int;");
        Dirs.write(project, "m/10_add.down.sql", "ALTER TABLE t DROP c;");
        Dirs.touch(project, "m/9_x.up.sql", "m/0001_init.up.sql", "m/0001_init.down.sql");
        MigrationSet set = read("m");
        assertEquals(List.of("0001", "9", "10"), set.migrations().stream().map(Migration::id).toList());
        Migration add = set.migrations().get(2);
        assertEquals("ALTER TABLE t DROP c;", add.down().content());
        assertEquals("m/10_add.down.sql", add.down().path());
        assertEquals("add", add.description());
        assertFalse(set.migrations().get(1).hasDown());
        assertEquals("updown", add.format());
    }

    @Test
    void readsAutheliaStyleNames() {
        Dirs.touch(project, "pg/V0024.WebAuthnAttestationType.up.sql", "pg/V0024.WebAuthnAttestationType.down.sql",
                "pg/V0003.WebAuthnKIDLength.up.sql");
        MigrationSet set = read("pg");
        assertEquals(List.of("0003", "0024"), set.migrations().stream().map(Migration::id).toList());
        assertEquals("WebAuthnAttestationType", set.migrations().get(1).description());
        assertTrue(set.migrations().get(1).hasDown());
    }

    @Test
    void orphanDownIsNotedAndDuplicatesRefused() {
        Dirs.touch(project, "m/1_a.up.sql", "m/2_b.down.sql", "m/notes.txt");
        MigrationSet set = read("m");
        assertEquals(1, set.size());
        assertEquals(2, set.notes().size(), set.notes().toString());

        Dirs.touch(project, "m/01_other.up.sql");
        BadInputException e = assertThrows(BadInputException.class, () -> read("m"));
        assertTrue(e.getMessage().contains("m/01_other.up.sql") && e.getMessage().contains("m/1_a.up.sql"), e.getMessage());
    }
}
