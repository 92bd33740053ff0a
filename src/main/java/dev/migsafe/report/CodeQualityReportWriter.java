package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.migsafe.report.Report.FindingEntry;

/**
 * GitLab Code Quality JSON (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format),
 * read from {@code artifacts:reports:codequality} into the merge-request widget: an array with one issue
 * per active finding. Suppressed and baselined findings are left out (they are accepted, and GitLab has
 * no way to show them as such). GitLab compares the issues of the merge request with those of the
 * target branch by fingerprint, so the fingerprint is the finding's line-independent one (rule, file,
 * object, statement), made unique within the report for repeated identical statements.
 */
public final class CodeQualityReportWriter implements ReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final RenderOptions options;

    public CodeQualityReportWriter(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ArrayNode issues = JsonNodeFactory.instance.arrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (FindingEntry f : report.findings()) {
            if (!f.isActive()) {
                continue;
            }
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", f.ruleId());
            issue.put("description", f.ruleId() + " " + f.name() + ": " + f.message()
                    + (f.fix() != null ? " Safe alternative: " + f.fix() : ""));
            issue.putArray("categories").add(category(f.category()));
            int occurrence = seen.merge(f.fingerprint(), 1, Integer::sum);
            issue.put("fingerprint", occurrence == 1 ? f.fingerprint() : nth(f.fingerprint(), occurrence));
            issue.put("severity", severity(f));
            ObjectNode location = issue.putObject("location");
            location.put("path", options.ciPath(f.file()));
            // GitLab needs a line; a finding about a whole file (e.g. a missing down) points at its first
            location.putObject("lines").put("begin", Math.max(1, f.line()));
        }
        MAPPER.writeValue(out, issues);
        out.write(System.lineSeparator());
    }

    /**
     * GitLab's five levels: what fails this run is a blocker, other errors critical, warnings major,
     * notes info ({@code minor} is not used).
     */
    static String severity(FindingEntry f) {
        if (f.blocking()) {
            return "blocker";
        }
        return switch (f.severity()) {
            case "error" -> "critical";
            case "warning" -> "major";
            default -> "info";
        };
    }

    /** A Code Climate category (that spec's fixed list): a lock is an availability risk, the rest correctness. */
    private static String category(String migsafeCategory) {
        return "locking".equals(migsafeCategory) ? "Performance" : "Bug Risk";
    }

    /** The n-th identical finding of a report: a fingerprint of its own, still independent of lines. */
    private static String nth(String fingerprint, int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((fingerprint + "#" + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
