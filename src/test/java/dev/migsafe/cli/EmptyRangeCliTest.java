package dev.migsafe.cli;

import static dev.migsafe.cli.GitReleasesCliTest.findings;
import static dev.migsafe.cli.GitReleasesCliTest.ids;
import static dev.migsafe.cli.GitReleasesCliTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;
import dev.migsafe.test.UsesDatabase;

/**
 * A range with no new migration: the newer release only edited or removed released migrations
 * (HS401 reports them, and the verdict follows as for any range), or both releases hold the same
 * migrations (GO, nothing to roll back). Only an older release given as FROM is bad input.
 */
class EmptyRangeCliTest {
    private static final String V1 = "CREATE TABLE t (id int PRIMARY KEY);\n";
    private static final String V2 = "CREATE TABLE u (id int);\n";
    private static final String V3 = "CREATE TABLE w (id int);\n";

    @TempDir
    Path tmp;

    private Path release(String name, String... fileAndContent) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < fileAndContent.length; i += 2) {
            Files.writeString(dir.resolve(fileAndContent[i]), fileAndContent[i + 1]);
        }
        return dir;
    }

    /** {@code COMMAND v2 v1 --from-dir NEWER --to-dir OLDER --format F}, plus --verify none for can-rollback. */
    private static CliRun range(String command, Path newer, Path older, String format, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command, "v2", "v1", "--from-dir", newer.toString(),
                "--to-dir", older.toString(), "--format", format));
        if (command.equals("can-rollback")) {
            args.addAll(List.of("--verify", "none"));
        }
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String notes(JsonNode report) {
        return report.get("notes").toString();
    }

    @Test
    void editedOnlyRangeIsAnalysedAndReportsHs401() throws IOException {
        Path older = release("old", "V1__init.sql", V1);
        Path newer = release("new", "V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY, name text);\n");
        CliRun run = range("can-rollback", newer, older, "json");
        // HS401 is a history finding: it does not close the app-only way back (the verdict's rule), so GO
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("GO", report.get("verdict").asText());
        JsonNode hs401 = only(report, "HS401");
        assertEquals("error", hs401.get("severity").asText());
        assertTrue(hs401.get("file").asText().endsWith("new/V1__init.sql"), hs401::toString);
        assertTrue(hs401.get("message").asText().contains("semantic edit"), hs401::toString);
        assertEquals(List.of("1"), ids(report, "changed"));
        assertEquals(List.of(), ids(report, "new"));
        assertTrue(notes(report).contains("edits or renames released migration 1 (HS401)"), run::toString);
        // the restore way back does not point at a "first migration of the range" that does not exist
        assertFalse(report.toString().contains("first migration of the range"), run::toString);
    }

    @Test
    void cosmeticEditOnlyIsReportedToo() throws IOException {
        Path older = release("old", "V1__init.sql", V1);
        Path newer = release("new", "V1__init.sql", "-- reformatted\nCREATE TABLE t (\n  id int PRIMARY KEY\n);\n");
        CliRun run = range("can-rollback", newer, older, "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(only(run.json(), "HS401").get("message").asText().contains("cosmetic edit"), run::toString);
    }

    @Test
    void editedOnlyRangeInPlanAndInAnalyzeBase() throws Exception {
        Path older = release("old", "V1__init.sql", V1);
        Path newer = release("new", "V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY, name text);\n");
        CliRun plan = range("plan", newer, older, "json");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals("GO", plan.json().get("verdict").asText());
        only(plan.json(), "HS401");

        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("db/migration/V1__init.sql", V1).commit("v1");
            repo.tag("v1");
            repo.write("db/migration/V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY, name text);\n").commit("edit");
            repo.tag("v2");
            String project = repo.dir().toString();
            CliRun rollback = CliRun.of("can-rollback", "v2", "v1", "--project", project, "--verify", "none",
                    "--format", "json");
            assertEquals(0, rollback.exitCode(), rollback::toString);
            assertEquals("db/migration/V1__init.sql", only(rollback.json(), "HS401").get("file").asText());
            // the pull-request check: an error-level finding reaches --fail-on error
            CliRun analyze = CliRun.of("analyze", "--base", "v1", "--project", project, "--format", "json");
            assertEquals(1, analyze.exitCode(), analyze::toString);
            only(analyze.json(), "HS401");
        }
    }

    @Test
    void migrationRemovedFromTheMiddleOfHistoryIsHs401() throws IOException {
        Path older = release("old", "V1__init.sql", V1, "V2__u.sql", V2, "V3__w.sql", V3);
        Path newer = release("new", "V1__init.sql", V1, "V3__w.sql", V3);
        CliRun run = range("can-rollback", newer, older, "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode hs401 = only(run.json(), "HS401");
        assertTrue(hs401.get("file").asText().endsWith("old/V2__u.sql"), hs401::toString);
        assertTrue(hs401.get("message").asText().contains("gone from the newer release"), hs401::toString);
        assertEquals(List.of("2"), ids(run.json(), "removed"));
        assertTrue(notes(run.json()).contains("removes released migration 2 (HS401)"), run::toString);
    }

    @Test
    void removedAndEditedTogetherAreBothReported() throws IOException {
        Path older = release("old", "V1__init.sql", V1, "V2__u.sql", V2);
        Path newer = release("new", "V1__init.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n");
        CliRun run = range("can-rollback", newer, older, "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(2, findings(run.json(), "HS401").size(), run::toString);
    }

    @Test
    void onlyAChangedRepeatableRunsAgain() throws IOException {
        Path older = release("old", "V1__init.sql", V1, "R__t_view.sql", "CREATE OR REPLACE VIEW tv AS SELECT id FROM t;\n");
        Path newer = release("new", "V1__init.sql", V1, "R__t_view.sql",
                "CREATE OR REPLACE VIEW tv AS SELECT id, id + 1 AS next FROM t;\n");
        CliRun run = range("can-rollback", newer, older, "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(), findings(run.json(), "HS401"), "a repeatable migration may change");
        assertTrue(notes(run.json()).contains("repeatable migration t view changed and will run again"), run::toString);
    }

    @Test
    void olderReleaseAsFromIsStillBadInputWithTheSwapAdvice() throws IOException {
        Path older = release("old", "V1__init.sql", V1, "V2__u.sql", V2);
        Path newer = release("new", "V1__init.sql", V1);
        CliRun run = range("can-rollback", newer, older, "json");
        assertEquals(2, run.exitCode(), run::toString);
        String msg = run.err().strip();
        assertEquals(1, msg.lines().count(), run::toString);
        assertTrue(msg.contains("try can-rollback v1 v2"), msg);
        assertTrue(msg.contains("lacks v1's later migration 2"), msg);
        assertTrue(msg.contains("HS401"), "the other reading (a deleted migration) is named too: " + msg);
    }

    @Test
    void identicalReleasesAreGoWithNothingToRollBack() throws IOException {
        Path older = release("old", "V1__init.sql", V1);
        Path newer = release("new", "V1__init.sql", V1);
        for (String command : List.of("can-rollback", "plan")) {
            CliRun run = range(command, newer, older, "json");
            assertEquals(0, run.exitCode(), run::toString);
            JsonNode report = run.json();
            assertEquals("GO", report.get("verdict").asText());
            assertEquals(0, report.get("findings").size(), run::toString);
            assertTrue(notes(report).contains("v2 and v1 hold the same migrations"), run::toString);
        }
        CliRun text = range("can-rollback", newer, older, "text");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().contains("GO"), text::toString);
        assertTrue(text.out().contains("v2 and v1 hold the same migrations: the range is empty"), text::toString);
    }

    @Test
    void sameReleaseTwiceIsGo() {
        CliRun run = CliRun.of("can-rollback", "--verify", "none", "v1.3.0", "v1.3.0", "--project",
                "sample-migrations/shop", "--format", "json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("GO", run.json().get("verdict").asText());
        assertTrue(notes(run.json()).contains("v1.3.0 and v1.3.0 hold the same migrations"), run::toString);
    }

    @Test
    @UsesDatabase
    void editedOnlyRangeVerifiesOnEmbeddedPostgres() throws IOException {
        Path older = release("old", "V1__init.sql", V1);
        Path newer = release("new", "V1__init.sql", "CREATE TABLE t (id int PRIMARY KEY, name text);\n");
        for (String command : List.of("verify", "can-rollback")) {
            CliRun run = CliRun.of(command, "v2", "v1", "--from-dir", newer.toString(), "--to-dir", older.toString(),
                    "--verify", "embedded", "--format", "json");
            assertEquals(0, run.exitCode(), run::toString);
            JsonNode report = run.json();
            assertEquals("GO", report.get("verdict").asText());
            for (JsonNode step : report.get("verification").get("steps")) {
                if (step.get("name").asText().equals("apply range")) {
                    assertEquals("passed", step.get("status").asText(), step::toString);
                }
                assertFalse(step.get("status").asText().equals("failed"), step::toString);
            }
        }
    }
}
