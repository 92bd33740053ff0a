package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.migsafe.rules.RuleCatalog;

/**
 * SARIF output is valid against the OASIS SARIF 2.1.0 schema (vendored in src/test/resources/sarif)
 * and carries what GitHub code scanning uses: rule metadata, locations, fingerprints, suppressions.
 */
class SarifReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode validSarif(String text) throws IOException {
        return SarifSchema.validSarif(text);
    }

    @Test
    void schemaCatchesAnInvalidLog() throws IOException {
        // the validator really validates: a result without a message, and a bad level, are rejected
        JsonNode bad = JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"A\",\"level\":\"fatal\"}]}]}");
        assertFalse(SarifSchema.SCHEMA.validate(bad).isEmpty());
    }

    @Test
    void sampleReportIsValidSarifWithWhatGitHubReads() throws IOException {
        JsonNode log = validSarif(render(SampleReports.noGo(), new RenderOptions(false,
                "https://github.com/example/migsafe/blob/main/rules/", "services/shop")));
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("migsafe", driver.get("name").asText());
        assertEquals(RuleCatalog.all().size(), driver.get("rules").size(), "every catalog rule is described");
        JsonNode bc102Rule = rule(driver, "BC102");
        assertEquals("rename-column", bc102Rule.get("name").asText());
        assertEquals("https://github.com/example/migsafe/blob/main/rules/BC102.md", bc102Rule.get("helpUri").asText());
        assertTrue(bc102Rule.get("help").get("markdown").asText().startsWith("# BC102 rename-column"));
        assertEquals("error", bc102Rule.get("defaultConfiguration").get("level").asText());

        JsonNode results = run.get("results");
        assertEquals(5, results.size());
        JsonNode bc102 = result(results, "BC102");
        assertEquals("error", bc102.get("level").asText());
        assertEquals(driver.get("rules").get(bc102.get("ruleIndex").asInt()).get("id").asText(), "BC102");
        JsonNode physical = bc102.get("locations").get(0).get("physicalLocation");
        assertEquals("services/shop/db/migration/V6__rename_customer_name.sql", physical.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", physical.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(4, physical.get("region").get("startLine").asInt());
        assertEquals("customers.name", bc102.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText());
        assertEquals(32, bc102.get("partialFingerprints").get("migsafe/v1").asText().length());
        assertEquals("new", bc102.get("baselineState").asText());

        JsonNode suppressed = result(results, "BC104").get("suppressions").get(0);
        assertEquals("inSource", suppressed.get("kind").asText());
        assertEquals("fax unused since v1.1 (#482)", suppressed.get("justification").asText());
        JsonNode baselined = result(results, "DL203");
        assertEquals("external", baselined.get("suppressions").get(0).get("kind").asText());
        assertEquals("unchanged", baselined.get("baselineState").asText());
        assertEquals("note", result(results, "RB301").get("level").asText());
        assertFalse(result(results, "RB301").get("locations").get(0).get("physicalLocation").has("region"),
                "no region for a finding without a line");
    }

    @Test
    void withoutARulesUrlThereIsNoHelpUriButTheHelpTextIsEmbedded() throws IOException {
        JsonNode log = validSarif(render(SampleReports.go(), RenderOptions.plain()));
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertFalse(driver.has("informationUri"));
        for (JsonNode rule : driver.get("rules")) {
            assertFalse(rule.has("helpUri"), rule.get("id").asText());
            assertFalse(rule.get("help").get("text").asText().isBlank());
        }
        assertEquals(0, log.get("runs").get(0).get("results").size());
    }

    @Test
    void pathsAreEscapedAsUriReferences() {
        assertEquals("db/my%20migrations/V1__caf%C3%A9.sql", SarifReportWriter.uriPath("db/my migrations/V1__café.sql"));
    }

    private static JsonNode rule(JsonNode driver, String id) {
        for (JsonNode r : driver.get("rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private static JsonNode result(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result " + ruleId);
    }

    private static String render(Report report, RenderOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReportWriter(options).write(report, out);
        return out.toString();
    }
}
