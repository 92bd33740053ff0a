package dev.migsafe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;
import dev.migsafe.source.Dirs;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationSet;

class ProjectSourcesTest {
    @TempDir
    Path project;

    private static List<String> ids(MigrationSet set) {
        return set.migrations().stream().map(Migration::id).toList();
    }

    @Test
    void detectsTheFolderWhenTheConfigIsSilent() {
        Dirs.touch(project, "db/migration/V1__a.sql", "db/migration/V2__b.sql");
        MigrationSet set = new ProjectSources().load(project, ProjectConfig.forProject(project));
        assertEquals(List.of("1", "2"), ids(set));
        assertEquals("db/migration/V1__a.sql", set.migrations().get(0).up().path());
    }

    @Test
    void configuredFlywayLocationsAreMergedByVersion() {
        Dirs.touch(project, "db/a/V1__a.sql", "db/a/V3__c.sql", "db/b/V2__b.sql");
        Dirs.write(project, "migsafe.yaml", "migrations:\n  - path: db/a\n  - path: db/b\n    format: flyway\n");
        MigrationSet set = new ProjectSources().load(project, ProjectConfig.forProject(project));
        assertEquals(List.of("1", "2", "3"), ids(set));
    }

    @Test
    void configuredFormatIsUsedAsGiven() {
        Dirs.touch(project, "sql/V1__looks_like_flyway.sql", "sql/2_other.sql");
        Dirs.write(project, "migsafe.yaml", "migrations:\n  - path: sql\n    format: sql\n");
        MigrationSet set = new ProjectSources().load(project, ProjectConfig.forProject(project));
        assertEquals(List.of("2_other", "V1__looks_like_flyway"), ids(set));
    }

    @Test
    void configuredDialectPicksThePerDialectFolder() {
        Dirs.touch(project, "migrations/mysql/V0001.A.up.sql", "migrations/mysql/V0002.B.up.sql",
                "migrations/postgres/V0001.A.up.sql");
        Dirs.write(project, "migsafe.yaml", "dialect: mariadb\n");
        ProjectConfig config = ProjectConfig.forProject(project);
        assertEquals(2, new ProjectSources().load(project, config).size());
        assertEquals(1, new ProjectSources().load(project, config, Dialect.POSTGRESQL).size());
    }

    @Test
    void loadsAReleaseFromTheConfig() {
        Dirs.touch(project, "db/migration/V1__a.sql", "db/migration/V2__b.sql", "db/migration/V3__c.sql",
                "db/migration/R__views.sql");
        Dirs.write(project, "migsafe.yaml", "releases:\n  v1.0: 2\n  v1.1: 3\n");
        ProjectConfig config = ProjectConfig.forProject(project);
        assertEquals(List.of("1", "2", "views"), ids(new ProjectSources().loadRelease(project, config, null, "v1.0")));
        assertThrows(BadInputException.class, () -> new ProjectSources().loadRelease(project, config, null, "v2"));
    }

    @Test
    void directoryFromTheCommandLineOutsideTheProject(@TempDir Path elsewhere) {
        Dirs.touch(elsewhere, "old/001_a.up.sql", "old/001_a.down.sql");
        MigrationSet set = new ProjectSources().loadDirectory(elsewhere.resolve("old"), project, null);
        assertEquals(List.of("001"), ids(set));
        assertEquals(elsewhere.resolve("old/001_a.up.sql").toString().replace('\\', '/'), set.migrations().get(0).up().path());
        assertTrue(set.migrations().get(0).hasDown());
    }

    @Test
    void configuredPathThatDoesNotExist() {
        Dirs.write(project, "migsafe.yaml", "migrations:\n  - path: db/nope\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ProjectSources().load(project, ProjectConfig.forProject(project)));
        assertEquals("db/nope: directory not found; check the path (or the migrations: entry in migsafe.yaml)",
                e.getMessage());
    }
}
