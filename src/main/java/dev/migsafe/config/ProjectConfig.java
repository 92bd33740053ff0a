package dev.migsafe.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.MigrationFormat;

/**
 * The contents of {@code migsafe.yaml}; every part is optional (null, or empty for lists and maps).
 *
 * @param dialect         {@code dialect:}
 * @param migrations      {@code migrations:} folders, paths relative to the project root
 * @param releases        {@code releases:} in file order
 * @param postgresVersion {@code postgres-version:} as written ("16", "9.6")
 * @param mysqlVersion    {@code mysql-version:} as written
 * @param serverVersion   {@code server-version:} as written: the version of whichever dialect is in use (the
 *                        dialect's own key wins)
 * @param rules           {@code rules:} rule ID (upper case) -> settings
 * @param verify          {@code verify:} (never null; its fields may be)
 * @param deploy          {@code deploy:} kind, or null
 * @param liquibase       {@code liquibase:} (never null)
 * @param source          the file as users should see it, or null when there was none
 * @param app             {@code app:} (never null)
 * @param flyway          {@code flyway:} (never null): the history table and placeholders of a project whose Flyway is
 *                        configured where migsafe does not look (a pom, Java code); they win over flyway.conf's
 */
public record ProjectConfig(
        Dialect dialect,
        List<Location> migrations,
        List<Release> releases,
        String postgresVersion,
        String mysqlVersion,
        String serverVersion,
        Map<String, RuleSetting> rules,
        Verify verify,
        DeployKind deploy,
        Liquibase liquibase,
        String source,
        App app,
        Flyway flyway) {

    /**
     * The {@code flyway:} section: Flyway's history {@code table} and {@code placeholders} (name -> value, as
     * written: nothing is expanded), for a project that does not set them in flyway.conf, flyway.toml or
     * Spring's application.properties / application.yml; the migsafe-maven-plugin writes them from
     * flyway-maven-plugin's configuration.
     */
    public record Flyway(String table, Map<String, String> placeholders) {
        public static final Flyway NONE = new Flyway(null, Map.of());

        public Flyway {
            if (table != null && table.isBlank()) {
                throw new IllegalArgumentException("flyway.table: empty; name Flyway's history table, e.g. flyway_schema_history");
            }
            if (placeholders != null) {
                placeholders.forEach((name, value) -> {
                    if (value == null) {
                        throw new IllegalArgumentException("flyway.placeholders: '" + name + "' has no value;"
                                + " write " + name + ": <value> (quote it to keep it empty: \"\")");
                    }
                });
            }
            placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        }
    }

    /** Without a {@code flyway:} section. */
    public ProjectConfig(Dialect dialect, List<Location> migrations, List<Release> releases, String postgresVersion,
                         String mysqlVersion, String serverVersion, Map<String, RuleSetting> rules, Verify verify,
                         DeployKind deploy, Liquibase liquibase, String source, App app) {
        this(dialect, migrations, releases, postgresVersion, mysqlVersion, serverVersion, rules, verify, deploy,
                liquibase, source, app, Flyway.NONE);
    }

    /**
     * The {@code app:} section: where the older release's code is ({@code sources}, folders relative to the
     * project; detected when empty) and its naming strategy ({@code spring}, {@code hibernate},
     * {@code eclipselink}; detected when null).
     */
    public record App(List<String> sources, String naming) {
        public static final App NONE = new App(List.of(), null);

        public App {
            sources = sources == null ? List.of() : List.copyOf(sources);
            if (naming != null && !List.of("spring", "hibernate", "eclipselink").contains(naming)) {
                throw new IllegalArgumentException("app.naming: '" + naming
                        + "' is not a naming strategy; use spring, hibernate or eclipselink");
            }
            for (String path : sources) {
                if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")
                        || java.util.Arrays.asList(path.split("/")).contains("..")) {
                    throw new IllegalArgumentException("app.sources: '" + path
                            + "' must be a folder inside the project, e.g. src/main/java");
                }
            }
        }
    }

    /** Without an {@code app:} section. */
    public ProjectConfig(Dialect dialect, List<Location> migrations, List<Release> releases, String postgresVersion,
                         String mysqlVersion, String serverVersion, Map<String, RuleSetting> rules, Verify verify,
                         DeployKind deploy, Liquibase liquibase, String source) {
        this(dialect, migrations, releases, postgresVersion, mysqlVersion, serverVersion, rules, verify, deploy,
                liquibase, source, App.NONE);
    }

    public static final String FILE_NAME = "migsafe.yaml";

    /** One {@code migrations:} entry; a null format means "detect it". */
    public record Location(String path, MigrationFormat format) {
        public Location {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("each migrations: entry needs a path, e.g. - path: db/migration");
            }
        }
    }

    /** One {@code rules:} entry. */
    public record RuleSetting(Severity severity) {
    }

    /**
     * The {@code verify:} section; {@code statementWait} and {@code lockTrace} are null when not set (the
     * defaults apply: 30 s, and the lock trace on).
     */
    public record Verify(String postgresImage, String mysqlImage, String mariadbImage, String oldTests,
                         java.time.Duration statementWait, Boolean lockTrace) {
        public static final Verify NONE = new Verify(null, null, null, null, null, null);

        public Verify(String postgresImage, String mysqlImage, String mariadbImage, String oldTests) {
            this(postgresImage, mysqlImage, mariadbImage, oldTests, null, null);
        }

        public Verify(String postgresImage, String mysqlImage, String mariadbImage, String oldTests,
                      java.time.Duration statementWait) {
            this(postgresImage, mysqlImage, mariadbImage, oldTests, statementWait, null);
        }
    }

    /**
     * The {@code liquibase:} section: {@code parameters:} are changelog parameters ({@code ${name}}),
     * as {@code liquibase update -Dname=value} passes them; they win over the changelog's own
     * {@code <property>}. Nothing else is substituted: not environment variables, not system properties.
     */
    public record Liquibase(Map<String, String> parameters) {
        public static final Liquibase NONE = new Liquibase(Map.of());

        public Liquibase {
            if (parameters != null) {
                parameters.forEach((name, value) -> {
                    if (value == null) {
                        throw new IllegalArgumentException("liquibase.parameters: '" + name + "' has no value;"
                                + " write " + name + ": <value> (quote it to keep it empty: \"\")");
                    }
                });
            }
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    /** Without a {@code liquibase:} section. */
    public ProjectConfig(Dialect dialect, List<Location> migrations, List<Release> releases, String postgresVersion,
                         String mysqlVersion, Map<String, RuleSetting> rules, Verify verify, DeployKind deploy,
                         String source) {
        this(dialect, migrations, releases, postgresVersion, mysqlVersion, null, rules, verify, deploy, Liquibase.NONE,
                source);
    }

    public ProjectConfig {
        migrations = List.copyOf(migrations);
        releases = List.copyOf(releases);
        rules = Map.copyOf(rules);
        verify = verify == null ? Verify.NONE : verify;
        liquibase = liquibase == null ? Liquibase.NONE : liquibase;
        app = app == null ? App.NONE : app;
        flyway = flyway == null ? Flyway.NONE : flyway;
    }

    /** No file: everything detected or defaulted. */
    public static ProjectConfig empty() {
        return new ProjectConfig(null, List.of(), List.of(), null, null, Map.of(), Verify.NONE, null, null);
    }

    /** {@code migsafe.yaml} in the project root; an empty config when there is none. */
    public static ProjectConfig forProject(Path projectDir) {
        return new ConfigLoader().forProject(projectDir);
    }

    /** A config file the user named (e.g. {@code --config}); it must exist. */
    public static ProjectConfig load(Path file) {
        return new ConfigLoader().load(file);
    }

    /** A configuration read from elsewhere than a file (e.g. {@code migsafe.yaml} at a git commit). */
    public static ProjectConfig parse(String shownName, byte[] bytes) {
        return new ConfigLoader().parse(shownName, bytes);
    }

    public Optional<Release> release(String name) {
        return releases.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Rule ID -> severity, as {@link dev.migsafe.analysis.AnalysisRequest} takes it. */
    public Map<String, Severity> severityOverrides() {
        Map<String, Severity> out = new LinkedHashMap<>();
        rules.forEach((id, setting) -> {
            if (setting.severity() != null) {
                out.put(id, setting.severity());
            }
        });
        return out;
    }

    /** The file name for messages: the path as loaded, or a plain "migsafe.yaml" when there was none. */
    public String describe() {
        return source != null ? source : FILE_NAME;
    }
}
