package io.limber.session.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.limber.events.Topic;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads what was really published on limber.sessions.v1, and checks it against the contract. */
public final class SessionTopic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionTopic() {}

    /** Waits until at least {@code count} records keyed by the member are on the topic. */
    public static List<ConsumerRecord<String, String>> awaitForMember(
            String bootstrapServers, String member, int count, Duration timeout) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            var task = companion.consumeStrings().fromTopics(Topic.SESSIONS.name());
            try {
                await().atMost(timeout)
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> forMember(task.getRecords(), member).size() >= count);
                return forMember(task.getRecords(), member);
            } finally {
                task.close();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> forMember(
            List<ConsumerRecord<String, String>> records, String member) {
        return records.stream().filter(r -> member.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the JSON is valid against the contract's schema of that event type, version 1. */
    public static void assertMatchesSchema(String type, JsonNode data) {
        String resource = "schemas/" + type + ".v1.json";
        try (InputStream in = SessionTopic.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("schema %s on the class path", resource).isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
            Set<ValidationMessage> errors = schema.validate(data);
            assertThat(errors).as("%s against %s", data, resource).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
