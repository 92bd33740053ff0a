package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;

class FormatDetectorTest {
    @TempDir
    Path project;

    private MigrationFormat detect() {
        return new FormatDetector(new ScriptLoader()).detect(new DirectoryFiles(project.resolve("m"), project));
    }

    @Test
    void flywayNamesAnywhereBelow() {
        Dirs.touch(project, "m/sub/V1__a.sql");
        assertEquals(MigrationFormat.FLYWAY, detect());
    }

    @Test
    void repeatableAloneIsFlyway() {
        Dirs.touch(project, "m/R__views.sql");
        assertEquals(MigrationFormat.FLYWAY, detect());
    }

    @Test
    void upDownPairs() {
        Dirs.touch(project, "m/V0001.Init.up.sql", "m/V0001.Init.down.sql");
        assertEquals(MigrationFormat.UPDOWN, detect());
    }

    @Test
    void dieselFolders() {
        Dirs.touch(project, "m/2024-01-01-000000_a/up.sql", "m/2024-01-01-000000_a/down.sql");
        assertEquals(MigrationFormat.DIESEL, detect());
    }

    @Test
    void dbmateMarkers() {
        Dirs.write(project, "m/20240101_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        assertEquals(MigrationFormat.DBMATE, detect());
    }

    @Test
    void plainSqlOtherwise() {
        Dirs.write(project, "m/001_a.sql", "SELECT 1;\n");
        assertEquals(MigrationFormat.SQL, detect());
    }

    @Test
    void nothingIsAnError() throws IOException {
        Files.createDirectories(project.resolve("m"));
        assertThrows(BadInputException.class, this::detect);
    }
}
