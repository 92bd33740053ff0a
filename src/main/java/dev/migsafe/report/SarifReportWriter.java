package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, every catalog rule as a reporting
 * descriptor (stable ID, name, descriptions, help text and, when the rules URL is known, a help URI),
 * one result per finding with its file and line, the rule's fingerprint, and inline suppressions (or
 * the baseline) as SARIF suppressions with their justification.
 */
public final class SarifReportWriter implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RenderOptions options;

    public SarifReportWriter(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "migsafe");
        driver.put("version", report.tool().version());
        driver.put("semanticVersion", report.tool().version());
        if (options.rulesBaseUri() != null) {
            driver.put("informationUri", options.rulesBaseUri() + "README.md");
        }
        ArrayNode rules = driver.putArray("rules");
        for (RuleInfo info : rulesOf(report)) {
            ruleIndex.put(info.id(), rules.size());
            rules.add(descriptor(info));
        }
        ObjectNode automation = run.putObject("automationDetails");
        automation.put("id", "migsafe/" + report.command() + "/");
        ArrayNode results = run.putArray("results");
        for (FindingEntry f : report.findings()) {
            results.add(result(f, ruleIndex, report.baseline()));
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        run.put("columnKind", "utf16CodeUnits");
        ObjectNode props = run.putObject("properties");
        props.put("command", report.command());
        putIfPresent(props, "from", report.from());
        putIfPresent(props, "to", report.to());
        props.put("dialect", report.dialect());
        props.put("verdict", report.verdict());
        MAPPER.writeValue(out, log);
        out.write(System.lineSeparator());
    }

    /** Every catalog rule, in catalog order, so that a rule's index is the same in every run. */
    private static List<RuleInfo> rulesOf(Report report) {
        return RuleCatalog.all().stream().map(Rule::info).toList();
    }

    private ObjectNode descriptor(RuleInfo info) {
        ObjectNode d = NODES.objectNode();
        d.put("id", info.id());
        d.put("name", info.name());
        d.putObject("shortDescription").put("text", info.summary());
        d.putObject("fullDescription").put("text", info.summary() + " Safe alternative: " + info.fix());
        String uri = options.ruleUri(info.id());
        if (uri != null) {
            d.put("helpUri", uri);
        }
        ObjectNode help = d.putObject("help");
        help.put("text", info.summary() + "\n\nSafe alternative: " + info.fix());
        help.put("markdown", RuleDocs.pageOrSummary(info));
        d.putObject("defaultConfiguration").put("level", level(info.severity().id()));
        ObjectNode props = d.putObject("properties");
        props.putArray("tags").add("migsafe").add(info.category().id());
        props.put("precision", "high");
        props.put("problem.severity", switch (info.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "recommendation";
        });
        return d;
    }

    private ObjectNode result(FindingEntry f, Map<String, Integer> ruleIndex, String baseline) {
        ObjectNode r = NODES.objectNode();
        r.put("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message() + (f.fix() != null ? " Safe alternative: " + f.fix() : ""));
        ObjectNode location = r.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uriPath(options.ciPath(f.file())));
        artifact.put("uriBaseId", SRCROOT);
        if (f.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            if (f.statement() != null && !f.statement().isEmpty()) {
                region.putObject("snippet").put("text", f.statement());
            }
        }
        if (f.object() != null && !f.object().isEmpty()) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", f.object());
            logical.put("kind", f.object().contains(".") ? "column" : "table");
        }
        r.putObject("partialFingerprints").put("migsafe/v1", f.fingerprint());
        if (f.suppressed() || f.baselined()) {
            ArrayNode suppressions = r.putArray("suppressions");
            if (f.suppressed()) {
                ObjectNode s = suppressions.addObject();
                s.put("kind", "inSource");
                s.put("status", "accepted");
                s.put("justification", f.suppressionReason());
            }
            if (f.baselined()) {
                ObjectNode s = suppressions.addObject();
                s.put("kind", "external");
                s.put("status", "accepted");
                s.put("justification", "recorded in the baseline " + baseline);
            }
        }
        if (baseline != null) {
            r.put("baselineState", f.baselined() ? "unchanged" : "new");
        }
        ObjectNode props = r.putObject("properties");
        props.put("category", f.category());
        putIfPresent(props, "object", f.object());
        putIfPresent(props, "fix", f.fix());
        props.put("blocking", f.blocking());
        return r;
    }

    /** A relative path as a URI reference: forward slashes, spaces and reserved characters escaped. */
    static String uriPath(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return sb.toString();
    }

    static String level(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "note";
        };
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
