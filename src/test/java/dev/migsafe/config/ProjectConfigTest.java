package dev.migsafe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Dirs;
import dev.migsafe.source.MigrationFormat;

class ProjectConfigTest {
    @TempDir
    Path project;

    private ProjectConfig load(String yaml) {
        Dirs.write(project, "migsafe.yaml", yaml);
        return ProjectConfig.forProject(project);
    }

    private String error(String yaml) {
        return assertThrows(BadInputException.class, () -> load(yaml)).getMessage()
                .replace(project.resolve("migsafe.yaml").toString(), "migsafe.yaml");
    }

    @Test
    void everyKeyOfTheContract() {
        ProjectConfig c = load("""
                dialect: postgresql
                migrations:
                  - path: db/migration
                    format: flyway
                  - path: legacy
                releases:
                  v1.2.9: "5"
                  v1.3.0: 8
                  v1.3.1: 1.10
                  v1.4.0: 1_2_9
                postgres-version: 16
                mysql-version: 8.4
                server-version: "15"
                rules:
                  bc109: {severity: error}
                  RB301:
                    severity: info
                verify:
                  postgres-image: postgres:16
                  mysql-image: mysql:8.4
                  mariadb-image: mariadb:11.4
                  old-tests: "mvn -q test"
                deploy:
                  kind: blue-green
                """);
        assertEquals(Dialect.POSTGRESQL, c.dialect());
        assertEquals(List.of(new ProjectConfig.Location("db/migration", MigrationFormat.FLYWAY),
                new ProjectConfig.Location("legacy", null)), c.migrations());
        assertEquals(List.of("v1.2.9", "v1.3.0", "v1.3.1", "v1.4.0"), new Releases(c).names());
        assertEquals(List.of("5", "8", "1.10", "1_2_9"), c.releases().stream().map(Release::lastMigrationId).toList());
        assertEquals(8, c.release("v1.3.0").orElseThrow().line());
        assertEquals("16", c.postgresVersion());
        assertEquals("8.4", c.mysqlVersion());
        assertEquals("15", c.serverVersion());
        assertEquals(Map.of("BC109", Severity.ERROR, "RB301", Severity.INFO), c.severityOverrides());
        assertEquals(new ProjectConfig.Verify("postgres:16", "mysql:8.4", "mariadb:11.4", "mvn -q test"), c.verify());
        assertEquals(DeployKind.BLUE_GREEN, c.deploy());
        assertEquals(project.resolve("migsafe.yaml").toString(), c.source());
    }

    @Test
    void missingFileIsAnEmptyConfig() {
        ProjectConfig c = ProjectConfig.forProject(project);
        assertNull(c.dialect());
        assertTrue(c.migrations().isEmpty() && c.releases().isEmpty() && c.rules().isEmpty());
        assertNull(c.verify().postgresImage());
        assertNull(c.source());
    }

    @Test
    void emptyOrCommentOnlyFileIsAnEmptyConfig() {
        assertTrue(load("# nothing yet\n").releases().isEmpty());
        assertTrue(load("").migrations().isEmpty());
    }

    @Test
    void explicitConfigFileMustExist() {
        BadInputException e = assertThrows(BadInputException.class, () -> ProjectConfig.load(project.resolve("x.yaml")));
        assertTrue(e.getMessage().endsWith("x.yaml: file not found; check the --config path"), e.getMessage());
    }

    @Test
    void unknownTopLevelKeyNamesItsLineAndTheKnownKeys() {
        assertEquals("migsafe.yaml:2: unknown key 'foo' (expected one of app, deploy, dialect, flyway, liquibase, migrations,"
                + " mysql-version, postgres-version, releases, rules, server-version, verify)", error("dialect: mysql\nfoo:\n  bar: 1\n"));
    }

    @Test
    void flywaySectionNamesTheHistoryTableAndPlaceholders() {
        ProjectConfig config = load("flyway:\n  table: orders_history\n  placeholders:\n    owner: app\n    limit: 10\n");
        assertEquals(new ProjectConfig.Flyway("orders_history", java.util.Map.of("owner", "app", "limit", "10")), config.flyway());
        assertEquals(ProjectConfig.Flyway.NONE, load("dialect: postgresql\n").flyway());
        assertEquals("migsafe.yaml:1: flyway.placeholders: 'owner' has no value; write owner: <value> (quote it to keep it empty: \"\")",
                error("flyway:\n  placeholders:\n    owner:\n"));
        assertTrue(error("flyway:\n  tabel: x\n").startsWith("migsafe.yaml:2: unknown key 'tabel' in flyway"),
                error("flyway:\n  tabel: x\n"));
    }

    @Test
    void appSectionNamesSourcesAndNaming() {
        ProjectConfig c = ProjectConfig.parse("migsafe.yaml",
                "app:\n  sources: [core/src/main/java]\n  naming: hibernate\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new ProjectConfig.App(java.util.List.of("core/src/main/java"), "hibernate"), c.app());
        assertEquals("migsafe.yaml:1: app.naming: 'camel' is not a naming strategy; use spring, hibernate or eclipselink",
                error("app:\n  sources: [src/main/java]\n  naming: camel\n"));
        assertEquals("migsafe.yaml:1: app.sources: '../other' must be a folder inside the project, e.g. src/main/java",
                error("app:\n  sources: [../other]\n"));
    }

    @Test
    void unknownNestedKeyNamesWhereItIs() {
        assertEquals("migsafe.yaml:4: unknown key 'postgres_image' in verify (expected one of lock-trace, mariadb-image,"
                + " mysql-image, old-tests, postgres-image, statement-wait)",
                error("dialect: mysql\nverify:\n  old-tests: x\n  postgres_image: postgres:16\n"));
        assertEquals("migsafe.yaml:4: unknown key 'formt' in migrations[1] (expected one of format, path)",
                error("migrations:\n  - path: a\n  - path: b\n    formt: sql\n"));
    }

    @Test
    void wrongTypes() {
        assertEquals("migsafe.yaml:1: 'migrations' must be a list", error("migrations: db/migration\n"));
        assertEquals("migsafe.yaml:2: 'verify' must be a mapping (key: value lines)", error("dialect: mysql\nverify: 3\n"));
        assertEquals("migsafe.yaml:2: release 'v1' must map to one migration id, e.g. v1: \"8\"",
                error("releases:\n  v1: [1, 2]\n"));
        assertEquals("migsafe.yaml:2: release 'v1' has no last migration id; write e.g. v1: \"8\"",
                error("releases:\n  v1:\n"));
    }

    @Test
    void serverVersionIsCheckedWhereItIsWritten() {
        assertEquals("migsafe.yaml:2: server version 'latest': write it as 16, 9.6, 8.0.29 or mariadb-10.11",
                error("dialect: mysql\nserver-version: latest\n"));
    }

    @Test
    void statementWaitIsADuration() {
        assertEquals(java.time.Duration.ofSeconds(5), load("verify:\n  statement-wait: 5s\n").verify().statementWait());
        assertEquals(java.time.Duration.ofMillis(500), load("verify:\n  statement-wait: 500ms\n").verify().statementWait());
        assertNull(load("verify:\n  old-tests: x\n").verify().statementWait());
        assertEquals("migsafe.yaml:3: '30' is not a duration: write a whole number with ms, s, m or h, e.g. 30s or 15m",
                error("verify:\n  old-tests: x\n  statement-wait: 30\n"));
        assertEquals("migsafe.yaml:2: '0s' is out of range: give a duration above 0 and at most 7 days (168h)",
                error("verify:\n  statement-wait: 0s\n"));
    }

    @Test
    void wrongValues() {
        assertEquals("migsafe.yaml:1: unknown dialect 'oracle': use postgresql or mysql (mariadb)", error("dialect: oracle\n"));
        assertEquals("migsafe.yaml:3: unknown format 'flyweight'; use one of flyway, updown, diesel, dbmate, sql, liquibase",
                error("migrations:\n  - path: db\n    format: flyweight\n"));
        assertEquals("migsafe.yaml:3: unknown severity 'fatal': use error, warning or info",
                error("rules:\n  BC109:\n    severity: fatal\n"));
        assertEquals("migsafe.yaml:2: unknown deploy kind 'k8s'; use one of kubernetes, symlink, blue-green, generic",
                error("deploy:\n  kind: k8s\n"));
        assertEquals("migsafe.yaml:2: each migrations: entry needs a path, e.g. - path: db/migration",
                error("migrations:\n  - format: flyway\n"));
    }

    @Test
    void duplicateKeysAndBrokenYaml() {
        assertEquals("migsafe.yaml:3: duplicate key 'v1'", error("releases:\n  v1: 1\n  v1: 2\n"));
        assertTrue(error("releases: [\n").startsWith("migsafe.yaml:"), error("releases: [\n"));
        assertTrue(error("releases: [\n").contains("invalid YAML"), error("releases: [\n"));
    }
}
