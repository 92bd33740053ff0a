package dev.migsafe.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** The Flyway and Liquibase plugin settings of a pom, as Maven hands them to a mojo. */
class BuildSettingsTest {

    @Test
    void flywayPluginLocationsTableAndPlaceholders() throws Exception {
        Plugin flyway = plugin("org.flywaydb", "flyway-maven-plugin", """
                <configuration>
                  <url>jdbc:postgresql://db/app</url>
                  <locations>
                    <location>filesystem:sql/orders</location>
                    <location>classpath:db/common, classpath:db/extra</location>
                  </locations>
                  <table>orders_history</table>
                  <placeholders><owner>app</owner><secret>${env.SECRET}</secret></placeholders>
                </configuration>""");
        BuildSettings settings = BuildSettings.of(List.of(plugin("org.apache.maven.plugins", "maven-jar-plugin", null), flyway));
        assertEquals(List.of("filesystem:sql/orders", "classpath:db/common", "classpath:db/extra"), settings.flywayLocations());
        assertEquals("orders_history", settings.flywayTable());
        assertEquals(Map.of("owner", "app", "secret", "${env.SECRET}"), settings.flywayPlaceholders());
        assertEquals(null, settings.liquibaseChangeLog());
    }

    @Test
    void commaSeparatedLocationsAndAnExecutionsConfiguration() throws Exception {
        Plugin flyway = plugin("org.flywaydb", "flyway-maven-plugin", "<configuration><table>t</table></configuration>");
        PluginExecution migrate = new PluginExecution();
        migrate.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><locations>filesystem:a,filesystem:b</locations><table>ignored</table></configuration>")));
        flyway.addExecution(migrate);
        BuildSettings settings = BuildSettings.of(List.of(flyway));
        assertEquals(List.of("filesystem:a", "filesystem:b"), settings.flywayLocations());
        assertEquals("t", settings.flywayTable(), "the plugin's own configuration wins over an execution's");
    }

    @Test
    void liquibasePluginChangeLogFile() throws Exception {
        BuildSettings settings = BuildSettings.of(List.of(plugin("org.liquibase", "liquibase-maven-plugin",
                "<configuration><changeLogFile> src/main/resources/db/master.xml </changeLogFile></configuration>")));
        assertEquals("src/main/resources/db/master.xml", settings.liquibaseChangeLog());
        assertTrue(settings.flywayLocations().isEmpty());
    }

    @Test
    void aPomWithoutEitherPluginSaysNothing() throws Exception {
        assertTrue(BuildSettings.of(List.of(plugin("org.apache.maven.plugins", "maven-compiler-plugin",
                "<configuration><release>17</release></configuration>"))).isEmpty());
        assertTrue(BuildSettings.of(List.of(plugin("org.flywaydb", "flyway-maven-plugin", null))).isEmpty());
    }

    private static Plugin plugin(String groupId, String artifactId, String configuration) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        if (configuration != null) {
            plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
        }
        return plugin;
    }
}
