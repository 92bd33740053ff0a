package dev.migsafe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import dev.migsafe.BadInputException;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.tool.MigrationTool;

class ReleasesTest {
    private static Migration versioned(String id) {
        return new Migration(id, MigrationVersion.fromVersion(id), "d", Migration.Kind.VERSIONED, MigrationTool.FLYWAY,
                new MigrationScript("V" + id + "__d.sql", ""), null);
    }

    private static Migration repeatable(String id) {
        return new Migration(id, null, id, Migration.Kind.REPEATABLE, MigrationTool.FLYWAY, new MigrationScript("R__" + id + ".sql", ""), null);
    }

    private static Migration plain(String id) {
        return new Migration(id, null, id, Migration.Kind.VERSIONED, MigrationTool.PLAIN_SQL, new MigrationScript(id + ".sql", ""), null);
    }

    private static ProjectConfig config(String... nameAndLast) {
        List<Release> releases = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndLast.length; i += 2) {
            releases.add(new Release(nameAndLast[i], nameAndLast[i + 1], 3 + i / 2));
        }
        return new ProjectConfig(null, List.of(), releases, null, null, Map.of(), null, null,
                "sample-migrations/shop/migsafe.yaml");
    }

    private static final List<Migration> ALL = List.of(versioned("1.2.9"), versioned("1.2.10"), versioned("1.10"),
            versioned("2"), repeatable("views"));

    private static List<String> ids(List<Migration> ms) {
        return ms.stream().map(Migration::id).toList();
    }

    @Test
    void versionedUpToTheLastPlusRepeatables() {
        Releases releases = new Releases(config("v1", "1.2.10", "v2", "2"));
        assertEquals(List.of("1.2.9", "1.2.10", "views"), ids(releases.upTo("v1", ALL)));
        assertEquals(List.of("1.2.9", "1.2.10", "1.10", "2", "views"), ids(releases.upTo("v2", ALL)));
    }

    @Test
    void lastIdMatchesByVersionWhenNotWrittenTheSame() {
        Releases releases = new Releases(config("v1", "1_10", "v0", "1.2.9.0"));
        assertEquals(List.of("1.2.9", "1.2.10", "1.10", "views"), ids(releases.upTo("v1", ALL)));
        assertEquals(List.of("1.2.9", "views"), ids(releases.upTo("v0", ALL)));
    }

    @Test
    void plainSqlFilesGoByPosition() {
        List<Migration> files = List.of(plain("1_a"), plain("2_b"), plain("10_c"));
        assertEquals(List.of("1_a", "2_b"), ids(new Releases(config("r", "2_b")).upTo("r", files)));
    }

    @Test
    void unknownReleaseListsTheKnownOnes() {
        Releases releases = new Releases(config("v1.2.9", "1.2.9", "v1.3.0", "1.10", "v1.3.1", "2"));
        BadInputException e = assertThrows(BadInputException.class, () -> releases.upTo("v9", ALL));
        assertEquals("unknown release 'v9' in sample-migrations/shop/migsafe.yaml; known: v1.2.9, v1.3.0, v1.3.1",
                e.getMessage());
    }

    @Test
    void noReleasesSection() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Releases(ProjectConfig.empty()).upTo("v1", ALL));
        assertEquals("unknown release 'v1': migsafe.yaml has no releases: section; add one (release name -> last"
                + " migration id) or use --from-dir/--to-dir", e.getMessage());
    }

    @Test
    void lastIdThatMatchesNothing() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Releases(config("v1", "9")).upTo("v1", ALL));
        assertEquals("sample-migrations/shop/migsafe.yaml:3: release 'v1' ends at migration '9', which is not among"
                + " the 5 migrations read (first '1.2.9', last '2'); fix the id under releases:", e.getMessage());
    }
}
