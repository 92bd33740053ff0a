package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** GitLab's documented Code Quality report format (src/test/resources/codequality, see its README). */
public final class CodeQualitySchema {
    static final JsonSchema SCHEMA = load();

    private CodeQualitySchema() {
    }

    /** Asserts the text is a valid GitLab Code Quality report with unique fingerprints; returns it parsed. */
    public static JsonNode validCodeQuality(String text) throws IOException {
        JsonNode issues = new ObjectMapper().readTree(text);
        Set<ValidationMessage> errors = SCHEMA.validate(issues);
        assertEquals(Set.of(), errors, "GitLab Code Quality violations");
        // GitLab shows only the first issue of a fingerprint, something a draft-07 schema cannot say
        Set<String> fingerprints = new HashSet<>();
        issues.forEach(i -> assertTrue(fingerprints.add(i.get("fingerprint").asText()), "duplicate fingerprint: " + i));
        return issues;
    }

    private static JsonSchema load() {
        try (InputStream in = CodeQualitySchema.class.getResourceAsStream("/codequality/gitlab-code-quality.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
