package dev.migsafe.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.MigrationFormat;
import dev.migsafe.source.ProjectTree;
import dev.migsafe.source.SettingsFileKeys;

/**
 * Where a project's migration tool itself is told its migrations are, for a project without
 * {@code migrations:} in {@code migsafe.yaml}: Flyway's {@code locations} ({@code flyway.conf},
 * {@code flyway.toml}, {@code spring.flyway.locations}) and Spring Boot's {@code spring.liquibase.change-log},
 * read from the files {@link FlywaySettings#FILES} names (the first file that sets a key wins). A
 * {@code classpath:} location is looked up in the project's resource folders; a location that is not in
 * the project (another jar, a cloud bucket, {@code ..}) is left out, as Flyway skips a missing location.
 */
public final class DeclaredLocations {
    /** Maven's and Gradle's resource folder: what {@code classpath:} means in a project's sources. */
    public static final List<String> DEFAULT_RESOURCE_ROOTS = List.of("src/main/resources");
    private static final long MAX_BYTES = 1 << 20;

    private DeclaredLocations() {
    }

    /** The locations the project's settings files declare, in their order; empty when they declare none. */
    public static List<ProjectConfig.Location> read(ProjectTree tree) {
        Map<String, String> settings = settings(tree);
        List<ProjectConfig.Location> found = new ArrayList<>();
        if (!"false".equalsIgnoreCase(settings.getOrDefault("springflywayenabled", "true").strip())) {
            String locations = settings.containsKey("springflywaylocations")
                    ? settings.get("springflywaylocations") : settings.get("flywaylocations");
            if (locations != null) {
                found.addAll(flyway(Arrays.asList(locations.split(",")), tree, DEFAULT_RESOURCE_ROOTS));
            }
        }
        String changeLog = settings.get("springliquibasechangelog");
        if (changeLog != null && !"false".equalsIgnoreCase(settings.getOrDefault("springliquibaseenabled", "true").strip())) {
            liquibase(changeLog, tree, DEFAULT_RESOURCE_ROOTS).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Flyway location strings ({@code classpath:db/migration}, {@code filesystem:sql}, {@code db/migration}
     * meaning the classpath) as the project's folders that exist.
     *
     * @param resourceRoots the folders {@code classpath:} stands for, relative to the tree's root
     */
    public static List<ProjectConfig.Location> flyway(List<String> locations, ProjectTree tree, List<String> resourceRoots) {
        List<ProjectConfig.Location> found = new ArrayList<>();
        for (String location : locations) {
            for (String path : candidates(location, resourceRoots)) {
                if (tree.isDirectory(path)) {
                    found.add(new ProjectConfig.Location(path, MigrationFormat.FLYWAY));
                    break;
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** A Liquibase changelog ({@code classpath:db/changelog/master.yaml}, or a path) as the project's file, if it is there. */
    public static Optional<ProjectConfig.Location> liquibase(String changeLog, ProjectTree tree, List<String> resourceRoots) {
        for (String path : candidates(changeLog, resourceRoots)) {
            int slash = path.lastIndexOf('/');
            if (tree.files(slash < 0 ? "" : path.substring(0, slash)).contains(path.substring(slash + 1))) {
                return Optional.of(new ProjectConfig.Location(path, MigrationFormat.LIQUIBASE));
            }
        }
        return Optional.empty();
    }

    /** The project paths a location may stand for, in the order to try; none for a location outside the project. */
    private static List<String> candidates(String location, List<String> resourceRoots) {
        String l = location.strip().replace('\\', '/');
        List<String> paths = new ArrayList<>();
        if (l.regionMatches(true, 0, "filesystem:", 0, 11)) {
            paths.add(l.substring(11));
        } else if (l.regionMatches(true, 0, "classpath:", 0, 10) || !l.contains(":")) {
            String resource = l.startsWith("classpath:") ? l.substring(10) : l;
            resourceRoots.forEach(root -> paths.add(root + "/" + resource));
            if (!l.contains(":")) {
                paths.add(resource); // liquibase-maven-plugin resolves a plain changeLogFile against the project too
            }
        }
        return paths.stream().map(DeclaredLocations::normalize).filter(p -> p != null).distinct().toList();
    }

    /** "./src//main/" -> "src/main"; null for an absolute path, one that climbs out ("..") or a pattern. */
    private static String normalize(String path) {
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.contains("*") || path.contains("{")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return null;
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** Every file's keys, canonical ("spring.flyway.change-log" -> "springflywaychangelog"), the first file's value winning. */
    private static Map<String, String> settings(ProjectTree tree) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String file : FlywaySettings.FILES) {
            int slash = file.lastIndexOf('/');
            String folder = slash < 0 ? "" : file.substring(0, slash);
            String name = file.substring(slash + 1);
            if (!tree.files(folder).contains(name)) {
                continue;
            }
            try {
                byte[] bytes = tree.folder(folder).read(name);
                if (bytes.length > MAX_BYTES) {
                    continue; // a settings file is small; a larger one in a pull request is not read
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                SettingsFileKeys.parse(name, text).forEach((key, value) -> settings.putIfAbsent(canonical(key), value));
            } catch (IOException | RuntimeException unreadable) {
                // a file we cannot read or parse declares nothing; the migrations are then detected as usual
            }
        }
        return settings;
    }

    /** Spring's relaxed spellings alike: "change-log", "changeLog", "change_log" -> "changelog". */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    }
}
