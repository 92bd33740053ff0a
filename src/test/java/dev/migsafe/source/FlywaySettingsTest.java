package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's Flyway lock setting, read where projects write it, and only from small files inside the project. */
class FlywaySettingsTest {

    @TempDir
    Path project;

    @Test
    void nothingSetKeepsFlywaysDefault() {
        assertEquals(FlywaySettings.DEFAULTS, FlywaySettings.read(project));
    }

    @Test
    void flywayConfAndSpringYamlTurnTheLockOff() throws IOException {
        Files.writeString(project.resolve("flyway.conf"), "flyway.url=jdbc:x\nflyway.postgresql.transactional.lock=false\n");
        assertEquals(new FlywaySettings(false, "flyway.conf"), FlywaySettings.read(project));

        Files.delete(project.resolve("flyway.conf"));
        Path yml = Files.createDirectories(project.resolve("src/main/resources")).resolve("application.yml");
        Files.writeString(yml, "spring:\n  flyway:\n    postgresql:\n      transactional-lock: false\n");
        assertEquals(new FlywaySettings(false, "src/main/resources/application.yml"), FlywaySettings.read(project));
    }

    @Test
    void aLinkOutOfTheProjectIsNotRead(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("flyway.conf"), "flyway.postgresql.transactional.lock=false\n");
        Files.createSymbolicLink(project.resolve("flyway.conf"), outside);
        assertEquals(FlywaySettings.DEFAULTS, FlywaySettings.read(project));
    }

    @Test
    void anOversizedFileIsNotRead() throws IOException {
        String filler = "# " + "x".repeat(1000) + "\n";
        Files.writeString(project.resolve("flyway.conf"),
                filler.repeat((int) (FlywaySettings.MAX_BYTES / filler.length()) + 1) + "flyway.postgresql.transactional.lock=false\n");
        assertEquals(FlywaySettings.DEFAULTS, FlywaySettings.read(project));
    }

    @Test
    void placeholdersMixedAndGroupInEachFormat() throws IOException {
        Files.writeString(project.resolve("flyway.toml"), "[flyway]\nmixed = true\ngroup = true # all in one\n"
                + "[flyway.placeholders]\nowner = \"app\"\nsecret = \"${DB_SECRET}\"\n"
                + "[flyway.postgresql]\ntransactional.lock = false\n");
        FlywaySettings toml = FlywaySettings.read(project);
        assertEquals(new FlywaySettings(false, "flyway.toml", java.util.Map.of("owner", "app", "secret", "${DB_SECRET}"),
                true, true, true), toml, "a ${VAR} value stays as written");

        Files.delete(project.resolve("flyway.toml"));
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.properties"),
                "spring.flyway.placeholders.owner=app\nspring.flyway.placeholder-replacement=false\n");
        Files.writeString(resources.resolve("application.yml"), "spring:\n  flyway:\n    mixed: true\n---\n"
                + "spring:\n  config:\n    activate:\n      on-profile: prod\n  flyway:\n    group: true\n");
        FlywaySettings spring = FlywaySettings.read(project);
        assertEquals(new FlywaySettings(true, null, java.util.Map.of("owner", "app"), false, true, false), spring,
                "properties and the default YAML document merge; a profile's document does not apply");
    }

    @Test
    void aLongHostileLineIsReadInOnePass() throws IOException {
        String spaces = " ".repeat((int) FlywaySettings.MAX_BYTES / 2 - 100);
        Files.writeString(project.resolve("flyway.toml"), "[" + spaces + "\nkey =" + spaces + "x\n[flyway]\nmixed = true\n");
        FlywaySettings settings = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> FlywaySettings.read(project));
        assertEquals(true, settings.mixed());
    }

    @Test
    void schemasDefaultSchemaAndTableInEachFormat() throws IOException {
        Files.writeString(project.resolve("flyway.toml"), "[flyway]\nschemas = [\"app\", \"audit\"]\ntable = \"schema_version\"\n");
        FlywaySettings toml = FlywaySettings.read(project);
        assertEquals(java.util.List.of("app", "audit"), toml.schemas());
        assertEquals("schema_version", toml.table());

        Files.delete(project.resolve("flyway.toml"));
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"),
                "spring:\n  flyway:\n    schemas:\n      - audit\n      - app\n    default-schema: app\n");
        FlywaySettings yaml = FlywaySettings.read(project);
        assertEquals(java.util.List.of("app", "audit"), yaml.schemas(), "defaultSchema comes first, once");
        assertEquals("app", yaml.defaultSchema());
        assertEquals(FlywaySettings.DEFAULT_TABLE, yaml.table());

        Files.delete(resources.resolve("application.yml"));
        Files.writeString(project.resolve("flyway.conf"), "flyway.schemas= app , audit\n");
        assertEquals(java.util.List.of("app", "audit"), FlywaySettings.read(project).schemas());
    }
}
