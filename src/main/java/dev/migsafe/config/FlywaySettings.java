package dev.migsafe.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.BadInputException;
import dev.migsafe.source.ProjectPaths;

/**
 * The project's own Flyway settings that change how its migrations run, read where projects set them:
 * {@code flyway.conf}, {@code flyway.toml}, Spring Boot's {@code application.properties} /
 * {@code application.yml}.
 *
 * <p>{@code postgresql.transactional.lock} (default true since Flyway 9.1.2): with it, Flyway holds its
 * advisory lock in a transaction on a session of its own, which sits idle in transaction while a
 * migration runs outside one; {@code CREATE INDEX CONCURRENTLY} waits for every open transaction and so
 * waits for Flyway forever (flyway/flyway#3497, #3506, #3854; LK615).
 *
 * @param transactionalLock whether Flyway's transactional lock is on
 * @param source            the file that sets it, relative to the project, or null for Flyway's default
 */
public record FlywaySettings(boolean transactionalLock, String source) {

    /** Flyway's defaults, for a project that sets nothing. */
    public static final FlywaySettings DEFAULTS = new FlywaySettings(true, null);

    private static final List<String> FILES = List.of("flyway.conf", "conf/flyway.conf", "flyway.toml",
            "src/main/resources/application.properties", "src/main/resources/application.yml",
            "src/main/resources/application.yaml");
    /** flyway.postgresql.transactional.lock=false, spring.flyway.postgresql.transactional-lock: false, toml's transactional.lock = false */
    private static final Pattern SETTING = Pattern.compile(
            "(?im)^\\s*(?:spring\\.)?(?:flyway\\.)?(?:postgresql\\.)?transactional[.-]lock\\s*[=:]\\s*\"?(true|false)\"?\\s*$");
    /** A configuration file is small; a larger one in a pull request is not read (it would only cost memory). */
    static final long MAX_BYTES = 1 << 20;
    /** The same in a YAML tree (spring: flyway: postgresql: transactional-lock: false). */
    private static final Pattern YAML_SETTING = Pattern.compile("(?im)^\\s*transactional-lock\\s*:\\s*(true|false)\\s*$");

    /** The settings as the project writes them; Flyway's defaults for what it does not set. */
    public static FlywaySettings read(Path projectDir) {
        if (projectDir == null) {
            return DEFAULTS;
        }
        for (String name : FILES) {
            Path file = projectDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                new ProjectPaths(projectDir).requireInside(file); // a link out of the project is not read
            } catch (BadInputException outside) {
                continue;
            }
            try {
                if (Files.size(file) > MAX_BYTES) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = (name.endsWith(".yml") || name.endsWith(".yaml") ? YAML_SETTING : SETTING).matcher(text);
                if (m.find()) {
                    return new FlywaySettings(Boolean.parseBoolean(m.group(1).toLowerCase(Locale.ROOT)), name);
                }
            } catch (IOException | RuntimeException unreadable) {
                // a file we cannot read sets nothing
            }
        }
        return DEFAULTS;
    }
}
