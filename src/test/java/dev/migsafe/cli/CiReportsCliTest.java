package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.migsafe.report.ReportFormat;

/** The CI formats and GitHub annotations through the CLI, on the shop sample. */
class CiReportsCliTest {
    private static final String SHOP = SampleCommandsTest.SHOP;

    @AfterEach
    void restoreEnvironment() {
        Console.environment = System::getenv;
    }

    @Test
    void everyFormatIsWrittenUnderOutput(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "none",
                "--format", "text,json,sarif,markdown,html,junit,codequality", "--output", out.toString());
        assertEquals(1, run.exitCode(), run::toString);
        for (ReportFormat f : ReportFormat.values()) {
            assertTrue(Files.size(out.resolve(f.fileName())) > 0, f.fileName());
        }
        assertEquals(List.of("migsafe-codequality.json", "migsafe-junit.xml", "migsafe-report.html", "migsafe-report.json", "migsafe-report.md",
                        "migsafe-report.sarif", "migsafe-report.txt"),
                Files.list(out).map(p -> p.getFileName().toString()).sorted().toList());
        // the real sample's SARIF is valid too, with the path as GitHub needs it (relative to the repository)
        JsonNode sarif = dev.migsafe.report.SarifSchema.validSarif(Files.readString(out.resolve("migsafe-report.sarif")));
        JsonNode result = sarif.get("runs").get(0).get("results").get(0);
        assertEquals("BC102", result.get("ruleId").asText());
        assertEquals(SHOP + "/db/migration/V6__rename_customer_name.sql", result.get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText());
        // GitLab's widget reads the same finding from the Code Quality report, path from the repository root
        JsonNode issue = dev.migsafe.report.CodeQualitySchema.validCodeQuality(
                Files.readString(out.resolve("migsafe-codequality.json"))).get(0);
        assertEquals("BC102", issue.get("check_name").asText());
        assertEquals(SHOP + "/db/migration/V6__rename_customer_name.sql", issue.get("location").get("path").asText());
        assertEquals("blocker", issue.get("severity").asText());
        String md = Files.readString(out.resolve("migsafe-report.md"));
        assertTrue(md.startsWith("## ❌ migsafe: NO_GO"), md);
        String junit = Files.readString(out.resolve("migsafe-junit.xml"));
        assertTrue(junit.contains("failures=\"1\""), junit);
        String html = Files.readString(out.resolve("migsafe-report.html"));
        assertTrue(html.contains("<span class=\"chg changed\">column renamed</span>"), "schema changes of the range");
        JsonNode json = new ObjectMapper().readTree(out.resolve("migsafe-report.json").toFile());
        assertEquals("renamed", json.get("schemaChanges").get(0).get("change").asText());
        assertEquals("customers.full_name", json.get("schemaChanges").get(0).get("object").asText());
    }

    @Test
    void annotationsFollowTheTextReportUnderGitHubActions() {
        Console.environment = Map.of("GITHUB_ACTIONS", "true")::get;
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "none");
        assertEquals(1, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        int firstCommand = lines.indexOf(lines.stream().filter(l -> l.startsWith("::")).findFirst().orElseThrow());
        assertTrue(lines.subList(firstCommand, lines.size()).stream().allMatch(l -> l.startsWith("::")),
                "the annotations come after the whole report: " + run);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::error file=" + SHOP
                + "/db/migration/V6__rename_customer_name.sql,line=4,title=BC102 rename-column::the older release")),
                run::toString);
    }

    @Test
    void noAnnotationsOutsideGitHubActions() {
        Console.environment = Map.<String, String>of()::get;
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "none");
        assertFalse(run.out().contains("::error"), run::toString);
    }

    @Test
    void annotationsNeverCorruptADocumentOnStdout() throws Exception {
        Console.environment = Map.of("GITHUB_ACTIONS", "true")::get;
        CliRun run = CliRun.of("can-rollback", "v1.3.0", "v1.2.9", "--project", SHOP, "--verify", "none", "--format", "sarif");
        assertEquals(1, run.exitCode(), run::toString);
        dev.migsafe.report.SarifSchema.validSarif(run.out());
        assertFalse(run.out().contains("::error"));
        assertTrue(run.err().contains("GitHub annotations not printed"), run::toString);
    }

    @Test
    void annotationsWithOutputGoToStdout(@TempDir Path out) {
        Console.environment = Map.of("GITHUB_ACTIONS", "true")::get;
        CliRun run = CliRun.of("analyze", SHOP + "/db/migration", "--format", "markdown", "--output", out.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("::error file=" + SHOP + "/db/migration/V6__rename_customer_name.sql,line=4,"), run::toString);
    }

    @Test
    void helpListsTheFormatsAndBadRulesUrlIsBadInput() {
        CliRun help = CliRun.of("analyze", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("text (default), json, sarif, markdown, html, junit"), help::toString);
        assertTrue(help.out().contains("--baseline"), help::toString);
        CliRun bad = CliRun.of("analyze", SHOP + "/db/migration", "--rules-url", "rules/");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("--rules-url rules/: give the absolute URL"), bad::toString);
        CliRun unknown = CliRun.of("analyze", SHOP + "/db/migration", "--format", "pdf");
        assertTrue(unknown.err().contains("use one of text, json, sarif, markdown, html, junit"), unknown::toString);
    }

    @Test
    void rulesUrlLinksSarifRules(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("analyze", SHOP + "/db/migration", "--format", "sarif", "--output", out.toString(),
                "--rules-url", "https://github.com/example/migsafe/blob/main/rules");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode rule = new ObjectMapper().readTree(out.resolve("migsafe-report.sarif").toFile())
                .get("runs").get(0).get("tool").get("driver").get("rules").get(0);
        assertEquals("https://github.com/example/migsafe/blob/main/rules/" + rule.get("id").asText() + ".md",
                rule.get("helpUri").asText());
    }
}
