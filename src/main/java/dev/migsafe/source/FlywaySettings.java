package dev.migsafe.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's own Flyway settings that change how its migrations run, read where projects set them
 * ({@code flyway.conf}, {@code conf/flyway.conf}, {@code flyway.toml}, Spring Boot's
 * {@code application.properties} / {@code application.yml}; the first file that sets a key wins), so
 * that the verification applies the migrations as the project's Flyway (10.x) would:
 * <ul>
 *   <li>{@code postgresql.transactional.lock} (default true since Flyway 9.1.2): with it, Flyway holds its
 *   advisory lock in a transaction on a session of its own, which sits idle in transaction while a
 *   migration runs outside one; {@code CREATE INDEX CONCURRENTLY} waits for every open transaction and
 *   so waits for Flyway forever (flyway/flyway#3497, #3506, #3854; LK615);</li>
 *   <li>{@code placeholders.*} and {@code placeholderReplacement}: the values the files declare, never
 *   the environment ({@code ${VAR}} in a value stays as written, as a pull request must not read CI's
 *   variables);</li>
 *   <li>{@code mixed} and {@code group} (default false): whether a file may mix transactional and
 *   non-transactional statements, and whether all pending migrations run in one transaction;</li>
 *   <li>{@code schemas}, {@code defaultSchema} and {@code table}: the schemas Flyway manages (it creates
 *   them), the one unqualified names land in (the first of {@code schemas} unless set) and the name of
 *   its history table (default {@code flyway_schema_history}).</li>
 * </ul>
 *
 * @param transactionalLock      whether Flyway's transactional lock is on
 * @param source                 the file that sets the lock, relative to the project, or null for Flyway's default
 * @param placeholders           placeholder name -> value, as declared
 * @param placeholderReplacement whether Flyway replaces placeholders at all
 * @param mixed                  Flyway's {@code mixed}
 * @param group                  Flyway's {@code group}
 * @param schemas                the schemas Flyway manages, the default one first; empty for the connection's own
 * @param table                  Flyway's history table
 */
public record FlywaySettings(boolean transactionalLock, String source, Map<String, String> placeholders,
                             boolean placeholderReplacement, boolean mixed, boolean group, List<String> schemas,
                             String table) {

    /** Flyway's history table unless {@code table} names another. */
    public static final String DEFAULT_TABLE = "flyway_schema_history";

    /** Flyway's defaults, for a project that sets nothing. */
    public static final FlywaySettings DEFAULTS = new FlywaySettings(true, null, Map.of(), true, false, false);

    /** A configuration file is small; a larger one in a pull request is not read (it would only cost memory). */
    static final long MAX_BYTES = 1 << 20;

    /** Where projects set Flyway's settings, in the order they win (the first file that sets a key). */
    public static final List<String> FILES = List.of("flyway.conf", "conf/flyway.conf", "flyway.toml",
            "src/main/resources/application.properties", "src/main/resources/application.yml",
            "src/main/resources/application.yaml");
    private static final String LOCK = "postgresqltransactionallock";

    public FlywaySettings {
        placeholders = Map.copyOf(placeholders);
        schemas = List.copyOf(schemas);
    }

    /** Settings that keep Flyway's schemas and history table. */
    public FlywaySettings(boolean transactionalLock, String source, Map<String, String> placeholders,
                          boolean placeholderReplacement, boolean mixed, boolean group) {
        this(transactionalLock, source, placeholders, placeholderReplacement, mixed, group, List.of(), DEFAULT_TABLE);
    }

    /** The schema unqualified names land in, or null when the project leaves it to the connection. */
    public String defaultSchema() {
        return schemas.isEmpty() ? null : schemas.get(0);
    }

    /** The history table as SQL names it: {@code flyway_schema_history}, or {@code app."History"} in a project's schema. */
    public String historyTable(dev.migsafe.dialect.Syntax syntax) {
        return (defaultSchema() == null ? "" : syntax.identifier(defaultSchema()) + ".") + syntax.identifier(table);
    }

    /**
     * These settings with a history table and placeholders set elsewhere (migsafe.yaml's {@code flyway:}):
     * a non-null {@code table} replaces this one, {@code placeholders} win over these by name.
     */
    public FlywaySettings with(String table, Map<String, String> placeholders) {
        Map<String, String> merged = new LinkedHashMap<>(this.placeholders);
        merged.putAll(placeholders);
        return new FlywaySettings(transactionalLock, source, merged, placeholderReplacement, mixed, group, schemas,
                table == null ? this.table : table);
    }

    /** A project that keeps Flyway's defaults but for its transactional lock. */
    public FlywaySettings(boolean transactionalLock, String source) {
        this(transactionalLock, source, Map.of(), true, false, false);
    }

    /** The settings as the project writes them; Flyway's defaults for what it does not set. */
    public static FlywaySettings read(Path projectDir) {
        if (projectDir == null) {
            return DEFAULTS;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> setIn = new LinkedHashMap<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = projectDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                new ProjectPaths(projectDir).requireInside(file); // a link out of the project is not read
                if (Files.size(file) > MAX_BYTES) {
                    continue;
                }
                for (Map.Entry<String, String> e : SettingsFileKeys.parse(name, Files.readString(file)).entrySet()) {
                    String key = flywayKey(e.getKey());
                    if (key == null) {
                        continue;
                    }
                    if (key.toLowerCase(Locale.ROOT).startsWith("placeholders.")) {
                        placeholders.putIfAbsent(key.substring("placeholders.".length()), e.getValue());
                    } else if (settings.putIfAbsent(canonical(key), e.getValue()) == null) {
                        setIn.put(canonical(key), name);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // a file out of the project (BadInputException), or one we cannot read, sets nothing
            }
        }
        String table = settings.getOrDefault("table", "").strip();
        return new FlywaySettings(flag(settings, LOCK, true), setIn.get(LOCK), placeholders,
                flag(settings, "placeholderreplacement", true), flag(settings, "mixed", false), flag(settings, "group", false),
                schemas(settings.get("defaultschema"), settings.get("schemas")), table.isEmpty() ? DEFAULT_TABLE : table);
    }

    /** Flyway's managed schemas, the default first: {@code defaultSchema} when set, else the first of {@code schemas}. */
    private static List<String> schemas(String defaultSchema, String schemas) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String name : ((defaultSchema == null ? "" : defaultSchema) + "," + (schemas == null ? "" : schemas)).split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return List.copyOf(names);
    }

    /** "flyway.mixed" and "spring.flyway.mixed" -> "mixed"; null for a key that is not Flyway's. */
    private static String flywayKey(String key) {
        String k = key.regionMatches(true, 0, "spring.", 0, 7) ? key.substring(7) : key;
        return k.regionMatches(true, 0, "flyway.", 0, 7) ? k.substring(7) : null;
    }

    /** Flyway's and Spring's spellings of one setting alike: "transactional-lock", "transactional.lock" -> "transactionallock". */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[-._]", "");
    }

    private static boolean flag(Map<String, String> settings, String key, boolean fallback) {
        String value = settings.get(key);
        return value == null || !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))
                ? fallback : Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
    }
}
