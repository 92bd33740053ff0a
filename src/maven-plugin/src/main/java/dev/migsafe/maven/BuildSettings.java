package dev.migsafe.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The migration settings a project gives its Flyway and Liquibase Maven plugins in its pom:
 * {@code flyway-maven-plugin}'s {@code <locations>}, {@code <table>} and {@code <placeholders>}, and
 * {@code liquibase-maven-plugin}'s {@code <changeLogFile>}. The plugin's own configuration wins over an
 * execution's; the first execution that sets a value fills in what the plugin's leaves out.
 *
 * @param flywayLocations    Flyway location strings as written ({@code filesystem:...}, {@code classpath:...})
 * @param flywayTable        Flyway's history table, or null
 * @param flywayPlaceholders placeholder name -> value, as written (nothing is expanded)
 * @param liquibaseChangeLog the changelog as written, or null
 */
record BuildSettings(List<String> flywayLocations, String flywayTable, Map<String, String> flywayPlaceholders,
                     String liquibaseChangeLog) {
    static final String FLYWAY_PLUGIN = "org.flywaydb:flyway-maven-plugin";
    static final String LIQUIBASE_PLUGIN = "org.liquibase:liquibase-maven-plugin";
    static final BuildSettings NONE = new BuildSettings(List.of(), null, Map.of(), null);

    BuildSettings {
        flywayLocations = List.copyOf(flywayLocations);
        flywayPlaceholders = Map.copyOf(flywayPlaceholders);
    }

    /** The settings of the project's build plugins (as Maven resolved them, pluginManagement merged). */
    static BuildSettings of(List<Plugin> buildPlugins) {
        List<Xpp3Dom> flyway = configurations(buildPlugins, FLYWAY_PLUGIN);
        List<Xpp3Dom> liquibase = configurations(buildPlugins, LIQUIBASE_PLUGIN);
        List<String> locations = new ArrayList<>();
        Xpp3Dom locationsNode = first(flyway, "locations");
        if (locationsNode != null) {
            if (locationsNode.getChildCount() > 0) { // <locations><location>a</location>...</locations>
                for (Xpp3Dom location : locationsNode.getChildren()) {
                    addAll(locations, location.getValue());
                }
            } else { // <locations>a,b</locations>
                addAll(locations, locationsNode.getValue());
            }
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        Xpp3Dom placeholdersNode = first(flyway, "placeholders");
        if (placeholdersNode != null) {
            for (Xpp3Dom placeholder : placeholdersNode.getChildren()) {
                placeholders.put(placeholder.getName(), placeholder.getValue() == null ? "" : placeholder.getValue().strip());
            }
        }
        return new BuildSettings(locations, value(first(flyway, "table")), placeholders,
                value(first(liquibase, "changeLogFile")));
    }

    /** True when the pom says nothing migsafe would use. */
    boolean isEmpty() {
        return equals(NONE);
    }

    private static void addAll(List<String> locations, String value) {
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(locations::add);
        }
    }

    private static String value(Xpp3Dom node) {
        return node == null || node.getValue() == null || node.getValue().isBlank() ? null : node.getValue().strip();
    }

    /** The first configuration that has the child, in the order plugin, then executions. */
    private static Xpp3Dom first(List<Xpp3Dom> configurations, String child) {
        return configurations.stream().map(c -> c.getChild(child)).filter(c -> c != null).findFirst().orElse(null);
    }

    private static List<Xpp3Dom> configurations(List<Plugin> plugins, String key) {
        List<Xpp3Dom> found = new ArrayList<>();
        for (Plugin plugin : plugins) {
            if (!key.equals(plugin.getKey())) {
                continue;
            }
            if (plugin.getConfiguration() instanceof Xpp3Dom c) {
                found.add(c);
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getConfiguration() instanceof Xpp3Dom c) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
