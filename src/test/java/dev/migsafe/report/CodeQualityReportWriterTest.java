package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;

import dev.migsafe.report.Report.FindingEntry;

/**
 * GitLab Code Quality output is valid against the format GitLab documents (written down as a schema in
 * src/test/resources/codequality, see its README) and carries what the merge-request widget needs.
 */
class CodeQualityReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = CodeQualitySchema.SCHEMA;

    private static JsonNode validCodeQuality(String text) throws IOException {
        return CodeQualitySchema.validCodeQuality(text);
    }

    @Test
    void schemaCatchesAnInvalidReport() throws IOException {
        // the validator really validates: a bad severity, a missing line and an absolute path are rejected
        for (String bad : List.of(
                "[{\"description\":\"d\",\"check_name\":\"c\",\"fingerprint\":\"f\",\"severity\":\"error\",\"location\":{\"path\":\"a.sql\",\"lines\":{\"begin\":1}}}]",
                "[{\"description\":\"d\",\"check_name\":\"c\",\"fingerprint\":\"f\",\"severity\":\"major\",\"location\":{\"path\":\"a.sql\"}}]",
                "[{\"description\":\"d\",\"check_name\":\"c\",\"fingerprint\":\"f\",\"severity\":\"major\",\"location\":{\"path\":\"/a.sql\",\"lines\":{\"begin\":1}}}]",
                "{\"description\":\"d\"}")) {
            assertFalse(SCHEMA.validate(JSON.readTree(bad)).isEmpty(), bad);
        }
    }

    @Test
    void sampleReportIsValidWithWhatTheWidgetShows() throws IOException {
        JsonNode issues = validCodeQuality(render(SampleReports.noGo(), new RenderOptions(false, null, "services/shop")));
        // the suppressed BC104 and the baselined DL203 are accepted: not issues
        assertEquals(List.of("RB302", "BC102", "RB301"), checks(issues));
        JsonNode bc102 = issues.get(1);
        assertEquals("blocker", bc102.get("severity").asText(), "what fails the run blocks the merge request");
        assertEquals("services/shop/db/migration/V6__rename_customer_name.sql", bc102.get("location").get("path").asText());
        assertEquals(4, bc102.get("location").get("lines").get("begin").asInt());
        assertTrue(bc102.get("description").asText().startsWith("BC102 rename-column: the older release still reads"
                + " customers.name"), bc102.toString());
        assertTrue(bc102.get("description").asText().endsWith("Safe alternative: Expand/contract: add full_name, "
                + "dual-write, move readers, drop name later; or a view <customers_v1>."), bc102.toString());
        assertEquals(SampleReports.noGo().findings().get(1).fingerprint(), bc102.get("fingerprint").asText());
        assertEquals("major", issues.get(0).get("severity").asText(), "a non-blocking warning");
        JsonNode rb301 = issues.get(2);
        assertEquals("info", rb301.get("severity").asText());
        assertEquals(1, rb301.get("location").get("lines").get("begin").asInt(), "a whole-file finding points at line 1");
    }

    @Test
    void nonBlockingErrorIsCritical() throws IOException {
        FindingEntry error = SampleReports.finding("BC104", "drop-column", "backward-compatibility", "error",
                "db/V2__drop.sql", 3, "t.c", "ALTER TABLE t DROP COLUMN c", "m", "f", false, null, false, false);
        assertEquals("critical", validCodeQuality(render(with(List.of(error)), RenderOptions.plain()))
                .get(0).get("severity").asText());
    }

    @Test
    void fingerprintSurvivesLineShiftsAndIsUniqueForRepeatedStatements() throws IOException {
        List<FindingEntry> before = List.of(drop("db/V2__drop.sql", 3));
        List<FindingEntry> shifted = List.of(drop("db/V2__drop.sql", 12));
        String fingerprint = validCodeQuality(render(with(before), RenderOptions.plain())).get(0).get("fingerprint").asText();
        assertEquals(fingerprint, validCodeQuality(render(with(shifted), RenderOptions.plain())).get(0).get("fingerprint").asText(),
                "lines added above a statement keep its issue the same in GitLab's comparison");
        // the same statement twice in one file: two issues, two fingerprints, the first unchanged
        List<FindingEntry> twice = new ArrayList<>(List.of(drop("db/V2__drop.sql", 3), drop("db/V2__drop.sql", 7)));
        JsonNode issues = validCodeQuality(render(with(twice), RenderOptions.plain()));
        assertEquals(2, issues.size());
        assertEquals(fingerprint, issues.get(0).get("fingerprint").asText());
        assertNotEquals(fingerprint, issues.get(1).get("fingerprint").asText());
    }

    @Test
    void goReportIsAnEmptyArray() throws IOException {
        assertEquals(0, validCodeQuality(render(SampleReports.go(), RenderOptions.plain())).size());
    }

    private static FindingEntry drop(String file, int line) {
        return SampleReports.finding("BC104", "drop-column", "backward-compatibility", "error", file, line, "t.c",
                "ALTER TABLE t DROP COLUMN c", "the older release still writes t.c", "Stop using it first.", false,
                null, false, true);
    }

    private static Report with(List<FindingEntry> findings) {
        Report r = SampleReports.go();
        return new Report(r.schemaVersion(), r.tool(), r.command(), r.from(), r.to(), r.dialect(), "NO_GO", r.summary(),
                r.migrations(), findings, r.verification(), r.strategies(), null);
    }

    private static List<String> checks(JsonNode issues) {
        List<String> out = new ArrayList<>();
        issues.forEach(i -> out.add(i.get("check_name").asText()));
        return out;
    }

    private static String render(Report report, RenderOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new CodeQualityReportWriter(options).write(report, out);
        return out.toString();
    }
}
