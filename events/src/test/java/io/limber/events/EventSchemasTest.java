package io.limber.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract holds together: every event type ({@link Events}) has a JSON Schema named by its dataschema URI,
 * an example that the schema accepts, and a payload record that reads the example and writes
 * JSON the schema still accepts (so producers serialising the records publish valid events).
 */
class EventSchemasTest {

    // The same settings the services' Quarkus ObjectMapper uses: ISO-8601 dates, unknown fields ignored.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<EventType<?>> types() {
        return Events.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void exampleMatchesSchemaAndRecord(EventType<?> event) throws IOException {
        String type = event.type();
        JsonNode schemaNode = read("/schemas/" + type + ".v" + event.version() + ".json");
        assertEquals(event.dataSchema(), schemaNode.path("$id").asText(), "schema $id of " + type);

        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
        JsonNode example = read("/examples/" + type + ".v" + event.version() + ".json");
        assertValid(schema, example, "example of " + type);

        Object data = MAPPER.treeToValue(example, event.payload());
        JsonNode written = MAPPER.valueToTree(data);
        assertValid(schema, written, "record " + event.payload().getSimpleName() + " written as JSON");
    }

    private static void assertValid(JsonSchema schema, JsonNode json, String what) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), what + " does not match its schema: " + errors + "\n" + json.toPrettyString());
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            return MAPPER.readTree(in);
        }
    }
}
