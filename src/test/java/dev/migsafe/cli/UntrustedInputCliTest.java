package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.source.git.TestRepo;

/**
 * A pull request is untrusted input: what it commits must not make migsafe read files outside the
 * project, print environment or system values, or crash. Each case runs the CLI end to end on a
 * throwaway project (and git repository) and checks the exit code, the one-line error and that no
 * byte of the outside file or of the environment reaches the output.
 */
class UntrustedInputCliTest {
    private static final String OUTSIDE_MARKER = "OUTSIDE_SECRET_7f3a9c";
    private static final String PROPERTY = "migsafe.test.secret";
    private static final String PROPERTY_VALUE = "SYSPROP_SECRET_51d2e8";
    private static final String V1 = "CREATE TABLE t (a int);\n";

    @TempDir
    Path dir;
    private Path outside;

    @BeforeEach
    void outsideFile() throws IOException {
        outside = Files.writeString(dir.resolve("secret.sql"), "ALTER TABLE t ADD COLUMN " + OUTSIDE_MARKER + " int;\n");
        System.setProperty(PROPERTY, PROPERTY_VALUE);
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    // ---- item 1: links out of the project

    @Test
    void migrationLinkedToAFileOutsideTheProjectIsRefusedUnread() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/migration/V1__init.sql"), V1);
        Files.createSymbolicLink(project.resolve("db/migration/V2__x.sql"), outside);

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "markdown");

        assertRefused(run, "db/migration/V2__x.sql");
    }

    @Test
    void migrationsFolderLinkedOutsideTheProjectIsRefused() throws IOException {
        Path project = dir.resolve("app");
        Path elsewhere = dir.resolve("elsewhere");
        write(elsewhere.resolve("V1__init.sql"), "ALTER TABLE " + OUTSIDE_MARKER + " ADD COLUMN b int;\n");
        Files.createDirectories(project.resolve("db"));
        Files.createSymbolicLink(project.resolve("db/migration"), elsewhere);

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertRefused(run, "db/migration");
    }

    @Test
    void linkThatStaysInsideTheProjectIsFollowed() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/migration/V1__init.sql"), V1);
        write(project.resolve("shared/add_b.sql"), "ALTER TABLE t ADD COLUMN b int;\n");
        Files.createSymbolicLink(project.resolve("db/migration/V2__add_b.sql"), Path.of("../../shared/add_b.sql"));

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertNotEquals(2, run.exitCode(), run::toString);
        assertTrue(run.out().contains("V2__add_b.sql"), run::toString);
    }

    @Test
    void configuredMigrationsPathOutsideTheProjectIsRefused() throws IOException {
        Path project = dir.resolve("app");
        write(dir.resolve("elsewhere/V1__init.sql"), "ALTER TABLE " + OUTSIDE_MARKER + " ADD COLUMN b int;\n");
        write(project.resolve("migsafe.yaml"), "migrations:\n  - path: ../elsewhere\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertRefused(run, "elsewhere");
    }

    @Test
    void configAndBaselineLinkedOutOfTheProjectAreRefusedUnread() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/migration/V1__init.sql"), V1);
        Path yaml = Files.writeString(dir.resolve("config.yaml"), "dialect: " + OUTSIDE_MARKER + "\n");
        Files.createSymbolicLink(project.resolve("migsafe.yaml"), yaml);

        assertRefused(CliRun.of("analyze", "--project", project.toString(), "--format", "json"), "migsafe.yaml");

        Files.delete(project.resolve("migsafe.yaml"));
        Path json = Files.writeString(dir.resolve("baseline.json"), OUTSIDE_MARKER + "\n");
        Files.createSymbolicLink(project.resolve("migsafe-baseline.json"), json);

        assertRefused(CliRun.of("analyze", "--project", project.toString(), "--format", "json"), "migsafe-baseline.json");
    }

    @Test
    void gitRefHoldingALinkOutOfTheRepositoryIsRefused() throws IOException {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("db/migration/V1__init.sql", V1);
            Files.createSymbolicLink(repo.dir().resolve("db/migration/V2__x.sql"), outside);
            repo.commit("v1");
            repo.tag("v1");
            // the working tree no longer has the link: only the ref does
            Files.delete(repo.dir().resolve("db/migration/V2__x.sql"));
            repo.write("db/migration/V2__x.sql", "ALTER TABLE t ADD COLUMN c int;\n").commit("v2");

            CliRun run = CliRun.of("analyze", "--base", "v1", "--project", repo.dir().toString(), "--format", "json");

            assertRefused(run, "db/migration/V2__x.sql at v1");
        }
    }

    @Test
    void gitRefLinkInsideTheRepositoryIsFollowed() throws IOException {
        try (TestRepo repo = TestRepo.init(dir.resolve("repo"))) {
            repo.write("db/migration/V1__init.sql", V1).write("sql/add_b.sql", "ALTER TABLE t ADD COLUMN b int;\n");
            repo.commit("v1");
            repo.tag("v1");
            Files.createSymbolicLink(repo.dir().resolve("db/migration/V2__add_b.sql"), Path.of("../../sql/add_b.sql"));
            repo.commit("v2");
            repo.tag("v2");

            CliRun run = CliRun.of("can-rollback", "v2", "v1", "--verify", "none", "--project", repo.dir().toString(),
                    "--format", "json");

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(List.of("2"), GitReleasesCliTest.ids(run.json(), "new"), run::toString);
        }
    }

    @Test
    void liquibaseIncludeOutOfTheFolderIsRefused() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/changelog/db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: ../../../secret.sql\n      relativeToChangelogFile: true\n");
        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertRefused(run, "secret.sql");
    }

    @Test
    void liquibaseSqlFileLinkedOutOfTheProjectIsRefused() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/changelog/db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
                + "        - sqlFile:\n            path: x.sql\n            relativeToChangelogFile: true\n");
        Files.createSymbolicLink(project.resolve("db/changelog/x.sql"), outside);

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertRefused(run, "db/changelog/x.sql");
    }

    // ---- item 2: ${...} never expands the environment or system properties

    @Test
    void liquibaseLeavesUndeclaredParametersAsWritten() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/changelog/db.changelog-master.xml"), xmlChangelog(
                "<property name=\"suffix\" value=\"declared_in_changelog\"/>",
                "FROB t_${suffix} ${" + PROPERTY + "} ${PATH} ${user.home} ${yaml_suffix};"));
        write(project.resolve("migsafe.yaml"), "liquibase:\n  parameters:\n    yaml_suffix: declared_in_yaml\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        String all = run.out() + run.err();
        assertFalse(all.contains(PROPERTY_VALUE), run::toString);
        assertFalse(all.contains(System.getenv("PATH")), run::toString);
        assertFalse(all.contains(System.getProperty("user.home") + " "), run::toString);
        assertTrue(all.contains("${" + PROPERTY + "} ${PATH} ${user.home}"), run::toString);
        assertTrue(all.contains("t_declared_in_changelog"), run::toString);
        assertTrue(all.contains("${user.home} declared_in_yaml"), run::toString);
    }

    @Test
    void flywayPlaceholdersAreLeftAsWritten() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/migration/V1__init.sql"), V1);
        write(project.resolve("db/migration/V2__x.sql"), "FROB ${" + PROPERTY + "} ${PATH} ${flyway:user};\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        String all = run.out() + run.err();
        assertFalse(all.contains(PROPERTY_VALUE), run::toString);
        assertFalse(all.contains(System.getenv("PATH")), run::toString);
        assertTrue(all.contains("${" + PROPERTY + "} ${PATH} ${flyway:user}"), run::toString);
    }

    // ---- item 8: include cycles

    @Test
    void changelogIncludingItselfIsACycle() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/changelog/db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: db.changelog-master.yaml\n      relativeToChangelogFile: true\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertOneLineError(run);
        assertTrue(run.err().contains("db.changelog-master.yaml -> db.changelog-master.yaml"), run::toString);
    }

    @Test
    void includeCycleThroughTwoFilesIsNamed() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/changelog/db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: a.yaml\n      relativeToChangelogFile: true\n");
        write(project.resolve("db/changelog/a.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: b.yaml\n      relativeToChangelogFile: true\n");
        write(project.resolve("db/changelog/b.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: a.yaml\n      relativeToChangelogFile: true\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertOneLineError(run);
        assertTrue(run.err().contains("a.yaml -> b.yaml -> a.yaml"), run::toString);
    }

    @Test
    void includeAllCycleIsNamed() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/changelog/db.changelog-master.yaml"), "databaseChangeLog:\n"
                + "  - includeAll:\n      path: changes/\n      relativeToChangelogFile: true\n");
        write(project.resolve("db/changelog/changes/001.yaml"), "databaseChangeLog:\n"
                + "  - include:\n      file: ../db.changelog-master.yaml\n      relativeToChangelogFile: true\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertOneLineError(run);
        assertTrue(run.err().contains("db.changelog-master.yaml -> changes/001.yaml -> db.changelog-master.yaml"),
                run::toString);
    }

    // ---- item 9: YAML alias bombs

    @Test
    void yamlAliasBombInAChangelogIsRefused() throws IOException {
        Path project = dir.resolve("app");
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 7; i++) {
            String prev = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        write(project.resolve("db/changelog/db.changelog-master.yaml"), bomb + "databaseChangeLog:\n"
                + "  - changeSet:\n      id: 1\n      author: a\n      changes:\n        - sql:\n            sql: SELECT 1\n");

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertOneLineError(run);
        assertTrue(run.err().contains("db/changelog/db.changelog-master.yaml"), run::toString);
        assertTrue(run.err().contains("alias"), run::toString);
    }

    @Test
    void yamlAliasBombInMigsafeYamlIsRefused() throws IOException {
        Path project = dir.resolve("app");
        write(project.resolve("db/migration/V1__init.sql"), V1);
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 7; i++) {
            String prev = "*a" + (i - 1);
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        write(project.resolve("migsafe.yaml"), bomb.toString());

        CliRun run = CliRun.of("analyze", "--project", project.toString(), "--format", "json");

        assertOneLineError(run);
        assertTrue(run.err().contains("migsafe.yaml"), run::toString);
    }

    // ----

    private void assertRefused(CliRun run, String file) {
        assertOneLineError(run);
        assertTrue(run.err().contains(file), run::toString);
        assertTrue(run.err().contains("outside"), run::toString);
        assertFalse(run.out().contains(OUTSIDE_MARKER) || run.err().contains(OUTSIDE_MARKER), run::toString);
    }

    private static void assertOneLineError(CliRun run) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    private static String xmlChangelog(String properties, String sql) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                + "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "  xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\">\n"
                + "  " + properties + "\n"
                + "  <changeSet id=\"1\" author=\"a\">\n    <sql>" + sql + "</sql>\n  </changeSet>\n"
                + "</databaseChangeLog>\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
