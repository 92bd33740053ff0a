package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;

/** Every way a user can hand us something that is not a readable migration. */
class BadInputTest {
    @TempDir
    Path project;

    private MigrationSet readDb() {
        return new MigrationSources().read(new SourceLocation(project.resolve("db"), null), project, null);
    }

    private String failure() {
        return assertThrows(BadInputException.class, this::readDb).getMessage();
    }

    @Test
    void missingDirectory() {
        assertEquals("db: directory not found; check the path (or the migrations: entry in migsafe.yaml)", failure());
    }

    @Test
    void fileGivenForADirectory() {
        Dirs.touch(project, "db");
        assertTrue(failure().startsWith("db: not a directory"));
    }

    @Test
    void directoryWithoutMigrations() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Dirs.touch(project, "db/notes.txt");
        assertTrue(failure().startsWith("db: no migrations found"), failure());
    }

    @Test
    void binaryFileNamesItsLine() {
        Dirs.write(project, "db/V1__a.sql", "SELECT 1;\nSELECT\0 2;\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("db/V1__a.sql:2: binary content (NUL byte); a migration must be a UTF-8 text file"
                + " (UTF-16 files: save as UTF-8)", failure());
    }

    @Test
    void nonUtf8FileNamesLineAndByte() {
        byte[] latin1 = "-- one\n-- two\nINSERT INTO t VALUES ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1);
        Dirs.write(project, "db/V3__x.sql", latin1);
        assertEquals("db/V3__x.sql:3: not valid UTF-8 (byte 0xE9); save the file as UTF-8", failure());
    }

    @Test
    void truncatedUtf8AtTheEnd() {
        Dirs.write(project, "db/V3__x.sql", new byte[] {'a', '\n', (byte) 0xC3});
        assertTrue(failure().startsWith("db/V3__x.sql:2: not valid UTF-8"), failure());
    }

    @Test
    void byteOrderMarkIsDroppedAndUtf8Kept() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "SELECT 'é';".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        Dirs.write(project, "db/V1__a.sql", all);
        assertEquals("SELECT 'é';", readDb().migrations().get(0).up().content());
    }

    @Test
    void fileOverTheLimitIsRefusedFromItsSizeWithoutReadingIt() throws IOException {
        Files.createDirectories(project.resolve("db"));
        try (RandomAccessFile f = new RandomAccessFile(project.resolve("db/V1__huge.sql").toFile(), "rw")) {
            f.setLength(300L * 1024 * 1024); // sparse: costs no disk and no time
        }
        String message = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), this::failure);
        assertEquals("db/V1__huge.sql: file is 300 MB, over the 256 MB limit for a migration; split it into"
                + " smaller migrations or leave it out of the migrations folder", message);
    }

    @Test
    void sizeLimitIsConfigurable() {
        Dirs.write(project, "db/V1__a.sql", "SELECT 1;".repeat(200));
        MigrationFiles files = new DirectoryFiles(project.resolve("db"), project);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new FlywayReader(new ScriptLoader(1024)).read(files));
        assertTrue(e.getMessage().startsWith("db/V1__a.sql: file is 2 KB, over the 1 KB limit"), e.getMessage());
    }

    @Test
    void danglingLinkIsReportedAsUnreadable() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.createSymbolicLink(project.resolve("db/V1__a.sql"), project.resolve("nowhere.sql"));
        assertTrue(failure().startsWith("db/V1__a.sql: cannot read the file (no such file"), failure());
    }

    @Test
    void unreadableFileNamesTheFileAndTheFix() {
        MigrationFiles denied = new MigrationFiles() {
            public String location() {
                return "db";
            }

            public List<Entry> list() {
                return List.of(new Entry("V1__a.sql", 10));
            }

            public byte[] read(String relativePath) throws IOException {
                throw new AccessDeniedException(relativePath);
            }

            public String displayPath(String relativePath) {
                return "db/" + relativePath;
            }
        };
        BadInputException e = assertThrows(BadInputException.class, () -> new FlywayReader(new ScriptLoader()).read(denied));
        assertEquals("db/V1__a.sql: cannot read the file (permission denied); check that it exists and is readable",
                e.getMessage());
    }

    @Test
    void invalidFlywayVersion() {
        Dirs.touch(project, "db/V1.__a.sql");
        assertTrue(failure().startsWith("db/V1.__a.sql: invalid version '1.'"), failure());
    }
}
