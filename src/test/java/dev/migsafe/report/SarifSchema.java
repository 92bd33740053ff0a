package dev.migsafe.report;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/** The OASIS SARIF 2.1.0 schema (src/test/resources/sarif, see its README), with format assertions on. */
public final class SarifSchema {
    static final JsonSchema SCHEMA = JsonSchemas.load("/sarif/sarif-schema-2.1.0.json");

    private SarifSchema() {
    }

    /** Asserts the text is a valid SARIF 2.1.0 log and returns it parsed. */
    public static JsonNode validSarif(String text) throws IOException {
        return JsonSchemas.valid(SCHEMA, text, "SARIF schema");
    }
}
