package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.migsafe.cli.Main;

/** The JSON report holds the stable fields of DESIGN.md's contract, with the values of the run. */
class JsonReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyContractFieldIsThereWithItsType() throws IOException {
        JsonNode report = render(SampleReports.noGo());

        assertFields(report, "schemaVersion", "tool", "command", "from", "to", "dialect", "verdict", "summary",
                "migrations", "findings", "verification", "strategies");
        assertEquals(1, report.get("schemaVersion").intValue());
        assertEquals("migsafe", report.get("tool").get("name").textValue());
        assertEquals("0.1.0", report.get("tool").get("version").textValue());
        assertEquals("NO_GO", report.get("verdict").textValue());
        assertFields(report.get("summary"), "errors", "warnings", "infos", "statements", "unparsed");
        assertEquals(12, report.get("summary").get("statements").intValue());

        JsonNode migration = report.get("migrations").get(1);
        assertFields(migration, "id", "path", "status", "hasDown", "checksum");
        assertEquals("sha256:06", migration.get("checksum").textValue());
        assertTrue(migration.get("hasDown").isBoolean());

        JsonNode finding = report.get("findings").get(1);
        assertFields(finding, "ruleId", "name", "category", "severity", "file", "line", "object", "statement",
                "message", "fix", "suppressed");
        assertEquals(4, finding.get("line").intValue());

        JsonNode verification = report.get("verification");
        assertFields(verification, "mode", "database", "steps");
        JsonNode step = verification.get("steps").get(1);
        assertFields(step, "name", "status", "durationMs", "details");
        assertTrue(step.get("durationMs").isIntegralNumber(), step::toString);
        assertEquals(35400, step.get("durationMs").longValue());

        assertFields(report.get("strategies").get(0), "name", "feasible", "dataLoss", "notes");
    }

    @Test
    void aRealRunReportsThisVersionAndEachFilesChecksum() throws Exception {
        Path migrations = Path.of("sample-migrations/shop/db/migration");
        StringWriter out = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "analyze", migrations.toString(), "--format", "json");
        JsonNode report = JSON.readTree(out.toString());

        assertEquals(1, exit, out::toString);
        assertEquals(projectVersion(), report.get("tool").get("version").textValue());
        assertEquals(8, report.get("migrations").size(), report::toString);
        for (JsonNode m : report.get("migrations")) {
            Path file = migrations.resolve(Path.of(m.get("path").textValue()).getFileName());
            assertEquals(sha256(Files.readAllBytes(file)), m.get("checksum").textValue(), file.toString());
        }
    }

    private static JsonNode render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(report, out);
        return JSON.readTree(out.toString());
    }

    /** The node has at least these fields (the contract lets later versions add more). */
    private static void assertFields(JsonNode node, String... names) {
        Set<String> present = new TreeSet<>();
        node.fieldNames().forEachRemaining(present::add);
        Set<String> missing = new TreeSet<>(Set.of(names));
        missing.removeAll(present);
        assertEquals(Set.of(), missing, "missing from " + node);
    }

    /** The project's own version, as the pom declares it: the report must not fall back to another. */
    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>migsafe</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the project's version in pom.xml");
        return m.group(1);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
