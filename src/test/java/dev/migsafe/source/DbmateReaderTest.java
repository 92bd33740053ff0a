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

class DbmateReaderTest {
    @TempDir
    Path project;

    private MigrationSet read() {
        return new DbmateReader(new ScriptLoader()).read(new DirectoryFiles(project.resolve("db/migrations"), project));
    }

    @Test
    void splitsSectionsAndKeepsRealLineNumbers() {
        Dirs.write(project, "db/migrations/20240102000000_add_email.sql", """
                -- a header comment
                -- migrate:up
                ALTER TABLE users ADD email text;
                ALTER TABLE users ADD phone text;

                -- migrate:down
                ALTER TABLE users DROP email;
                """);
        Dirs.write(project, "db/migrations/20240101000000_users.sql",
                "-- migrate:up transaction:false\r\nCREATE TABLE users (id int);\r\n");
        MigrationSet set = read();
        assertEquals(List.of("20240101000000", "20240102000000"), set.migrations().stream().map(Migration::id).toList());
        Migration users = set.migrations().get(0);
        assertEquals("CREATE TABLE users (id int);\r\n", users.up().content());
        assertEquals(2, users.up().firstLine());
        assertFalse(users.hasDown());

        Migration email = set.migrations().get(1);
        assertEquals(3, email.up().firstLine());
        assertEquals("ALTER TABLE users ADD email text;\nALTER TABLE users ADD phone text;\n\n", email.up().content());
        assertEquals(7, email.down().firstLine());
        assertEquals("ALTER TABLE users DROP email;\n", email.down().content());
        assertEquals("db/migrations/20240102000000_add_email.sql", email.down().path());
        assertEquals("add_email", email.description());
    }

    @Test
    void blankDownSectionStillCountsAsDown() {
        Dirs.write(project, "db/migrations/1_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        Migration m = read().migrations().get(0);
        assertTrue(m.hasDown());
        assertEquals("", m.down().content());
        assertEquals("SELECT 1;\n", m.up().content());
    }

    @Test
    void sectionsAndLinesWithCarriageReturnOnlyLineEnds() {
        Dirs.write(project, "db/migrations/1_a.sql", "-- note\r-- migrate:up\rALTER TABLE t ADD c int;\r-- migrate:down\rALTER TABLE t DROP c;\r");
        Migration m = read().migrations().get(0);
        assertEquals("ALTER TABLE t ADD c int;\r", m.up().content());
        assertEquals(3, m.up().firstLine());
        assertEquals("ALTER TABLE t DROP c;\r", m.down().content());
        assertEquals(5, m.down().firstLine());
    }

    @Test
    void fileWithoutUpMarkerIsAnError() {
        Dirs.write(project, "db/migrations/1_a.sql", "-- migrate:up\nSELECT 1;\n");
        Dirs.write(project, "db/migrations/2_b.sql", "SELECT 2;\n");
        BadInputException e = assertThrows(BadInputException.class, this::read);
        assertTrue(e.getMessage().startsWith("db/migrations/2_b.sql:1: no '-- migrate:up' line"), e.getMessage());
    }
}
