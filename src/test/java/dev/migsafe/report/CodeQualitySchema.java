package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/** GitLab's documented Code Quality report format (src/test/resources/codequality, see its README). */
public final class CodeQualitySchema {
    static final JsonSchema SCHEMA = JsonSchemas.load("/codequality/gitlab-code-quality.schema.json");

    private CodeQualitySchema() {
    }

    /** Asserts the text is a valid GitLab Code Quality report with unique fingerprints; returns it parsed. */
    public static JsonNode validCodeQuality(String text) throws IOException {
        JsonNode issues = JsonSchemas.valid(SCHEMA, text, "GitLab Code Quality");
        // GitLab shows only the first issue of a fingerprint, something a draft-07 schema cannot say
        Set<String> fingerprints = new HashSet<>();
        issues.forEach(i -> assertTrue(fingerprints.add(i.get("fingerprint").asText()), "duplicate fingerprint: " + i));
        return issues;
    }
}
