package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The OASIS SARIF 2.1.0 schema (src/test/resources/sarif, see its README), with format assertions on. */
public final class SarifSchema {
    static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    /** Asserts the text is a valid SARIF 2.1.0 log and returns it parsed. */
    public static JsonNode validSarif(String text) throws IOException {
        JsonNode log = new ObjectMapper().readTree(text);
        Set<ValidationMessage> errors = SCHEMA.validate(log);
        assertEquals(Set.of(), errors, "SARIF schema violations");
        return log;
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
