package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DieselReaderTest {
    @TempDir
    Path project;

    @Test
    void readsFoldersInVersionOrderWithTheVersionAsWritten() {
        Dirs.write(project, "migrations/2024-01-02-090000_add_email/up.sql", "ALTER TABLE users ADD email text;");
        Dirs.write(project, "migrations/2024-01-02-090000_add_email/down.sql", "ALTER TABLE users DROP email;");
        Dirs.touch(project, "migrations/00000000000000_diesel_initial_setup/up.sql",
                "migrations/00000000000000_diesel_initial_setup/down.sql",
                "migrations/2023-12-31-235959_create_users/up.sql", "migrations/.keep");
        MigrationSet set = new DieselReader(new ScriptLoader())
                .read(new DirectoryFiles(project.resolve("migrations"), project));
        assertEquals(List.of("00000000000000", "2023-12-31-235959", "2024-01-02-090000"),
                set.migrations().stream().map(Migration::id).toList());
        Migration email = set.migrations().get(2);
        assertEquals("add_email", email.description());
        assertEquals("migrations/2024-01-02-090000_add_email/down.sql", email.down().path());
        assertEquals("ALTER TABLE users DROP email;", email.down().content());
        assertFalse(set.migrations().get(1).hasDown());
        assertTrue(set.notes().isEmpty(), set.notes().toString());
    }

    @Test
    void foldersWithoutUpSqlAreNoted() {
        Dirs.touch(project, "migrations/2024-01-01-000000_a/up.sql", "migrations/misc/readme.md");
        MigrationSet set = new DieselReader(new ScriptLoader())
                .read(new DirectoryFiles(project.resolve("migrations"), project));
        assertEquals(1, set.size());
        assertEquals(List.of("migrations/misc: skipped, folder does not match <version>_<name>/up.sql and down.sql"),
                set.notes());
    }
}
