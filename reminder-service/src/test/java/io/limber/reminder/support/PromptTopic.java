package io.limber.reminder.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.limber.events.Topic;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what was really published on {@code limber.prompts.v1}. */
public final class PromptTopic implements AutoCloseable {

    private final ConsumerTask<String, String> task;

    public PromptTopic(KafkaCompanion kafka) {
        this.task = kafka.consumeStrings().fromTopics(Topic.PROMPTS.name());
    }

    public List<ConsumerRecord<String, String>> recordsFor(Collection<String> members, String type) {
        Set<String> keys = Set.copyOf(members);
        return task.getRecords().stream()
                .filter(r -> keys.contains(r.key()))
                .filter(r -> type.equals(CloudEvents.header(r, "ce_type")))
                .toList();
    }

    /** Waits until {@code count} records of the type arrived for the members, then that no more come. */
    public List<ConsumerRecord<String, String>> awaitRecords(
            Collection<String> members, String type, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> recordsFor(members, type).size() >= count);
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> recordsFor(members, type).size() == count);
        return recordsFor(members, type);
    }

    public static void assertMatchesSchema(String schemaFile, String json) {
        try (InputStream schemaText = PromptTopic.class.getClassLoader().getResourceAsStream("schemas/" + schemaFile)) {
            assertThat(schemaText).as("schema %s on the classpath", schemaFile).isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schemaText);
            JsonNode node = CloudEvents.JSON.readTree(json);
            Set<ValidationMessage> errors = schema.validate(node);
            assertThat(errors).as("%s against %s", json, schemaFile).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        task.stop();
    }
}
