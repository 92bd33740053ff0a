package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;

class MigrationLocatorTest {
    @TempDir
    Path project;

    private Path locate(Dialect dialect) {
        return new MigrationLocator(project, new ScriptLoader()).locate(dialect);
    }

    @Test
    void usualMavenPlace() {
        Dirs.touch(project, "src/main/resources/db/migration/V1__a.sql", "src/test/resources/db/migration/V1__t.sql");
        assertEquals(project.resolve("src/main/resources/db/migration"), locate(null));
    }

    @Test
    void emptyUsualPlaceIsPassedOver() {
        Dirs.touch(project, "db/migration/readme.md", "migrations/001_a.up.sql");
        assertEquals(project.resolve("migrations"), locate(null));
    }

    @Test
    void theProjectFolderItself() {
        Dirs.touch(project, "V1__a.sql");
        assertEquals(project, locate(null));
    }

    @Test
    void searchFindsADeepMigrationFolderButNotTestOnes() {
        Dirs.touch(project, "api/src/main/resources/marquez/db/migration/V1__a.sql",
                "api/src/test/resources/db/migration/V1__fixture.sql", "node_modules/x/migrations/1_a.up.sql");
        assertEquals(project.resolve("api/src/main/resources/marquez/db/migration"), locate(null));
    }

    @Test
    void severalCandidatesAreAskedAbout() {
        Dirs.touch(project, "a/migrations/V1__a.sql", "b/migrations/V1__b.sql");
        BadInputException e = assertThrows(BadInputException.class, () -> locate(null));
        assertTrue(e.getMessage().contains("a/migrations") && e.getMessage().contains("b/migrations")
                && e.getMessage().contains("migsafe.yaml"), e.getMessage());
    }

    @Test
    void nothingFound() {
        Dirs.touch(project, "README.md");
        BadInputException e = assertThrows(BadInputException.class, () -> locate(null));
        assertTrue(e.getMessage().contains("no migrations folder found"), e.getMessage());
    }

    @Test
    void perDialectLayoutPicksTheDialectsFolder() {
        Dirs.touch(project, "migrations/mysql/V0001.Init.up.sql", "migrations/postgres/V0001.Init.up.sql",
                "migrations/sqlite/V0001.Init.up.sql");
        assertEquals(project.resolve("migrations/postgres"), locate(null));
        assertEquals(project.resolve("migrations/mysql"), locate(Dialect.MYSQL));
    }

    @Test
    void perDialectLayoutWithoutTheDialect() {
        Dirs.touch(project, "migrations/sqlite/V0001.Init.up.sql", "migrations/mysql/V0001.Init.up.sql");
        BadInputException e = assertThrows(BadInputException.class, () -> locate(Dialect.POSTGRESQL));
        assertEquals("migrations: holds migrations per dialect (mysql, sqlite) but none for postgresql;"
                + " pass --dialect or set dialect: in migsafe.yaml", e.getMessage());
    }
}
