package dev.migsafe.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.config.ProjectConfig;

/** The migsafe.yaml generated from a pom's plugin settings: the migrations that exist in the project, which migsafe reads back. */
class GeneratedConfigTest {
    @TempDir
    Path project;

    @Test
    void flywayLocationsResolvedInTheProjectAndReadBackByMigsafe() throws IOException {
        Files.createDirectories(project.resolve("sql/orders"));
        Files.createDirectories(project.resolve("res/db/common"));
        BuildSettings settings = new BuildSettings(
                List.of("filesystem:sql/orders", "classpath:db/common", "classpath:db/absent", "filesystem:../outside"),
                null, Map.of(), null);
        Optional<String> yaml = GeneratedConfig.yaml(project, List.of("src/main/resources", "res"), settings);
        assertTrue(yaml.isPresent());
        Path file = GeneratedConfig.write(project.resolve("target/migsafe/migsafe.yaml"), yaml.get());
        assertEquals(List.of(new ProjectConfig.Location("sql/orders", dev.migsafe.source.MigrationFormat.FLYWAY),
                        new ProjectConfig.Location("res/db/common", dev.migsafe.source.MigrationFormat.FLYWAY)),
                ProjectConfig.load(file).migrations());
    }

    @Test
    void liquibaseChangeLogFile() throws IOException {
        Files.createDirectories(project.resolve("src/main/resources/liquibase"));
        Files.writeString(project.resolve("src/main/resources/liquibase/master.xml"), "<databaseChangeLog/>");
        for (String written : List.of("src/main/resources/liquibase/master.xml", "classpath:liquibase/master.xml",
                "liquibase/master.xml")) {
            String yaml = GeneratedConfig.yaml(project, List.of("src/main/resources"),
                    new BuildSettings(List.of(), null, Map.of(), written)).orElseThrow();
            assertTrue(yaml.contains("path: \"src/main/resources/liquibase/master.xml\"") && yaml.contains("format: \"liquibase\""),
                    written + " -> " + yaml);
        }
    }

    @Test
    void flywayTableAndPlaceholdersAsWrittenReadBackByMigsafe() throws IOException {
        String yaml = GeneratedConfig.yaml(project, List.of("src/main/resources"), new BuildSettings(List.of(),
                "orders_history", Map.of("owner", "app", "secret", "${env.SECRET}"), null)).orElseThrow();
        Path file = GeneratedConfig.write(project.resolve("target/migsafe/migsafe.yaml"), yaml);
        ProjectConfig config = ProjectConfig.load(file);
        assertEquals(new ProjectConfig.Flyway("orders_history", Map.of("owner", "app", "secret", "${env.SECRET}")),
                config.flyway());
        assertTrue(config.migrations().isEmpty(), "the migrations are then found as the CLI finds them");
    }

    @Test
    void nothingWhenThePomNamesNoMigrationsThatExist() {
        assertEquals(Optional.empty(), GeneratedConfig.yaml(project, List.of("src/main/resources"),
                new BuildSettings(List.of("classpath:db/migration"), null, Map.of(), "missing.xml")));
        assertEquals(Optional.empty(), GeneratedConfig.yaml(project, List.of("src/main/resources"), BuildSettings.NONE));
    }
}
