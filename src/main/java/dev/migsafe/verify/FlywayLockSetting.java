package dev.migsafe.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.BadInputException;
import dev.migsafe.source.ProjectPaths;

/**
 * The project's Flyway {@code postgresql.transactional.lock} (default true since Flyway 9.1): with it,
 * Flyway holds its advisory lock in a transaction on its own session, which sits idle in transaction
 * while a migration runs outside one; {@code CREATE INDEX CONCURRENTLY} waits for every open
 * transaction and so waits for Flyway forever. Read where projects set it: {@code flyway.conf},
 * {@code flyway.toml}, Spring Boot's {@code application.properties} / {@code application.yml}.
 */
final class FlywayLockSetting {
    private static final List<String> FILES = List.of("flyway.conf", "conf/flyway.conf", "flyway.toml",
            "src/main/resources/application.properties", "src/main/resources/application.yml",
            "src/main/resources/application.yaml");
    /** flyway.postgresql.transactional.lock=false, spring.flyway.postgresql.transactional-lock: false, toml's transactional.lock = false */
    private static final Pattern SETTING = Pattern.compile(
            "(?im)^\\s*(?:spring\\.)?(?:flyway\\.)?(?:postgresql\\.)?transactional[.-]lock\\s*[=:]\\s*\"?(true|false)\"?\\s*$");
    /** The same in a YAML tree (spring: flyway: postgresql: transactional-lock: false). */
    private static final Pattern YAML_SETTING = Pattern.compile("(?im)^\\s*transactional-lock\\s*:\\s*(true|false)\\s*$");

    private FlywayLockSetting() {
    }

    /** The setting as the project writes it, or empty when it keeps Flyway's default (on). */
    static Optional<Boolean> of(Path projectDir) {
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
                String text = Files.readString(file);
                Matcher m = (name.endsWith(".yml") || name.endsWith(".yaml") ? YAML_SETTING : SETTING).matcher(text);
                if (m.find()) {
                    return Optional.of(Boolean.parseBoolean(m.group(1).toLowerCase(java.util.Locale.ROOT)));
                }
            } catch (IOException | RuntimeException unreadable) {
                // a file we cannot read sets nothing
            }
        }
        return Optional.empty();
    }

    /** Whether the project leaves Flyway's transactional lock on. */
    static boolean on(Path projectDir) {
        return of(projectDir).orElse(true);
    }
}
