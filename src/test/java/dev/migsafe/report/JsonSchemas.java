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

/** Draft-07 JSON schemas kept under src/test/resources, loaded and checked one way for every report format. */
final class JsonSchemas {

    private JsonSchemas() {
    }

    /** The schema at a class-path resource, with format assertions on. */
    static JsonSchema load(String resource) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the text is valid against the schema and returns it parsed. */
    static JsonNode valid(JsonSchema schema, String text, String what) throws IOException {
        JsonNode json = new ObjectMapper().readTree(text);
        Set<ValidationMessage> errors = schema.validate(json);
        assertEquals(Set.of(), errors, what + " violations");
        return json;
    }
}
