package io.limber.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI document describes exactly the contract the code defines. */
class AsyncApiDocumentTest {

    private static JsonNode document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml is missing");
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void describesEveryTopicWithItsSettings() throws IOException {
        JsonNode channels = document().path("channels");
        Set<String> addresses = new HashSet<>();
        channels.forEach(channel -> {
            addresses.add(channel.path("address").asText());
            Topic topic = Topic.ALL.stream()
                    .filter(t -> t.name().equals(channel.path("address").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Unknown topic " + channel.path("address")));
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertEquals(topic.partitions(), kafka.path("partitions").asInt(), topic.name());
            assertEquals(
                    topic.config().get("cleanup.policy"),
                    kafka.path("topicConfiguration")
                            .path("cleanup.policy")
                            .get(0)
                            .asText(),
                    topic.name());
        });
        assertEquals(Topic.ALL.size(), addresses.size());
    }

    @Test
    void namesEveryEventTypeWithItsSchemaFile() throws IOException {
        JsonNode messages = document().path("components").path("messages");
        Set<String> names = new HashSet<>();
        messages.forEach(message -> {
            names.add(message.path("name").asText());
            String ref = message.path("payload").path("$ref").asText();
            if (!ref.isEmpty()) {
                assertEquals("schemas/" + message.path("name").asText() + ".v1.json", ref);
                assertNotNull(AsyncApiDocumentTest.class.getResource("/" + ref), ref + " is missing");
            }
        });
        for (EventType<?> event : Events.ALL) {
            assertTrue(names.contains(event.type()), event.type() + " is not in the AsyncAPI document");
        }
    }

    @Test
    void putsEveryEventOnTheTopicItsDescriptorNames() throws IOException {
        JsonNode document = document();
        for (EventType<?> event : Events.ALL) {
            Set<String> onTopic = new HashSet<>();
            document.path("channels").forEach(channel -> {
                if (channel.path("address").asText().equals(event.topic().name())) {
                    channel.path("messages").forEach(message -> {
                        String ref = message.path("$ref").asText();
                        String key = ref.substring(ref.lastIndexOf('/') + 1);
                        onTopic.add(document.path("components")
                                .path("messages")
                                .path(key)
                                .path("name")
                                .asText());
                    });
                }
            });
            assertTrue(
                    onTopic.contains(event.type()),
                    event.type() + " is not a message of " + event.topic().name());
        }
    }
}
