package dev.migsafe.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.migsafe.config.DeclaredLocations;
import dev.migsafe.config.ProjectConfig;
import dev.migsafe.source.DirectoryTree;

/**
 * The {@code migsafe.yaml} the plugin hands the CLI for a project that has none: the migrations
 * its Flyway or Liquibase Maven plugin is configured with, resolved in the project as
 * {@link DeclaredLocations} resolves the CLI's own settings files, and flyway-maven-plugin's history
 * table and placeholders ({@code flyway:}). Spring Boot's
 * {@code application.properties} / {@code application.yml} need nothing here: the CLI reads them.
 */
final class GeneratedConfig {
    static final String HEADER = "# written by migsafe-maven-plugin from the pom's Flyway / Liquibase plugin settings;"
            + " a migsafe.yaml in the project replaces it\n";

    private GeneratedConfig() {
    }

    /**
     * The generated configuration's text, or empty when the pom sets nothing of the above (or only migrations that
     * are not in the project).
     *
     * @param resourceRoots the project's resource folders relative to {@code basedir} (what {@code classpath:} means)
     */
    static Optional<String> yaml(Path basedir, List<String> resourceRoots, BuildSettings settings) {
        DirectoryTree tree = new DirectoryTree(basedir, basedir);
        List<ProjectConfig.Location> locations = new ArrayList<>(
                DeclaredLocations.flyway(settings.flywayLocations(), tree, resourceRoots));
        if (settings.liquibaseChangeLog() != null) {
            DeclaredLocations.liquibase(settings.liquibaseChangeLog(), tree, resourceRoots).ifPresent(locations::add);
        }
        if (locations.isEmpty() && settings.flywayTable() == null && settings.flywayPlaceholders().isEmpty()) {
            return Optional.empty();
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!locations.isEmpty()) {
            ArrayNode migrations = root.putArray("migrations");
            for (ProjectConfig.Location location : locations) {
                migrations.addObject().put("path", location.path())
                        .put("format", location.format().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (settings.flywayTable() != null || !settings.flywayPlaceholders().isEmpty()) {
            ObjectNode flyway = root.putObject("flyway");
            if (settings.flywayTable() != null) {
                flyway.put("table", settings.flywayTable());
            }
            if (!settings.flywayPlaceholders().isEmpty()) {
                ObjectNode placeholders = flyway.putObject("placeholders");
                new java.util.TreeMap<>(settings.flywayPlaceholders()).forEach(placeholders::put);
            }
        }
        try {
            return Optional.of(HEADER + new YAMLMapper().writeValueAsString(root).replaceFirst("^---\\s*\\n", ""));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** Writes {@code text} to {@code file}, creating its folder. */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
