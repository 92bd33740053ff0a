package dev.migsafe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.source.Dirs;
import dev.migsafe.source.DirectoryTree;
import dev.migsafe.source.MigrationFormat;

/** A project without migrations: in migsafe.yaml is read where its Flyway, Liquibase or Spring Boot settings say. */
class DeclaredLocationsTest {
    @TempDir
    Path project;

    private List<String> loaded() {
        return new ProjectSources().load(project, ProjectConfig.forProject(project)).migrations().stream()
                .map(m -> m.up().path()).toList();
    }

    @Test
    void springFlywayLocationsOfApplicationPropertiesAreTheMigrations() {
        Dirs.touch(project, "src/main/resources/db/schema/V1__a.sql", "src/main/resources/db/schema/V3__c.sql",
                "extra/sql/V2__b.sql");
        Dirs.write(project, "src/main/resources/application.properties",
                "spring.datasource.url=jdbc:postgresql://db/app\n"
                        + "spring.flyway.locations=classpath:db/schema, filesystem:extra/sql\n");
        assertEquals(List.of("src/main/resources/db/schema/V1__a.sql", "extra/sql/V2__b.sql",
                "src/main/resources/db/schema/V3__c.sql"), loaded());
    }

    @Test
    void springLiquibaseChangeLogOfApplicationYmlIsTheMigrations() {
        Dirs.write(project, "src/main/resources/liquibase/app.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: "1"
                      author: a
                      changes:
                        - sql: {sql: CREATE TABLE t (id int)}
                """);
        Dirs.write(project, "src/main/resources/application.yml",
                "spring:\n  liquibase:\n    change-log: classpath:liquibase/app.yaml\n");
        assertEquals(List.of("src/main/resources/liquibase/app.yaml"), loaded());
    }

    @Test
    void flywayConfLocationsCount() {
        Dirs.touch(project, "database/V1__a.sql");
        Dirs.write(project, "flyway.conf", "flyway.locations=filesystem:database\n");
        assertEquals(List.of("database/V1__a.sql"), loaded());
    }

    @Test
    void migsafeYamlWinsOverTheToolsSettings() {
        Dirs.touch(project, "a/V1__a.sql", "b/V2__b.sql");
        Dirs.write(project, "flyway.conf", "flyway.locations=filesystem:a\n");
        Dirs.write(project, "migsafe.yaml", "migrations:\n  - path: b\n");
        assertEquals(List.of("b/V2__b.sql"), loaded());
    }

    @Test
    void locationsOutOfTheProjectOrMissingAreLeftOutAndDetectionApplies() {
        Dirs.touch(project, "db/migration/V1__a.sql");
        Dirs.write(project, "src/main/resources/application.properties",
                "spring.flyway.locations=filesystem:../elsewhere,filesystem:/etc,classpath:db/missing,s3:bucket/x\n");
        assertEquals(List.of(), DeclaredLocations.read(new DirectoryTree(project, project)));
        assertEquals(List.of("db/migration/V1__a.sql"), loaded());
    }

    @Test
    void aDisabledFlywayDeclaresNothing() {
        Dirs.touch(project, "sql/V1__a.sql");
        Dirs.write(project, "src/main/resources/application.properties",
                "spring.flyway.enabled=false\nspring.flyway.locations=filesystem:sql\n");
        assertEquals(List.of(), DeclaredLocations.read(new DirectoryTree(project, project)));
    }

    @Test
    void classpathLocationsAreLookedUpInTheGivenResourceFolders() {
        Dirs.touch(project, "conf/res/db/migration/V1__a.sql");
        assertEquals(List.of(new ProjectConfig.Location("conf/res/db/migration", MigrationFormat.FLYWAY)),
                DeclaredLocations.flyway(List.of("db/migration"), new DirectoryTree(project, project),
                        List.of("src/main/resources", "conf/res")));
    }
}
