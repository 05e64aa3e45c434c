package io.limber.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * A downstream consumer of the public topics, built only on the contract: the CloudEvents Java
 * SDK's Kafka deserializer reads each record (binary mode, {@code ce_*} headers) and the data is
 * checked against the JSON Schema its type names, as shipped in the events module.
 *
 * <p>It reads every partition from the start without a consumer group, so it never disturbs the
 * services' offsets, and keeps what it has read across calls.
 */
final class EventConsumer implements AutoCloseable {

    /** One record as the SDK parsed it, with its Kafka key and its data as JSON. */
    record Received(String topic, String key, CloudEvent event, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<Received> received = new ArrayList<>();

    EventConsumer(String bootstrapServers, Set<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far that matches, after reading what has arrived since the last call. */
    List<Received> read(Predicate<Received> filter) {
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
            CloudEvent event = record.value();
            received.add(new Received(record.topic(), record.key(), event, data(event)));
        }
        return received.stream().filter(filter).toList();
    }

    private static JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            return null;
        }
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new AssertionError("The data of " + event.getType() + " " + event.getId() + " is not JSON", e);
        }
    }

    /** The violations of the event type's JSON Schema (version 1) in this data; empty when it is valid. */
    static Set<ValidationMessage> schemaViolations(String type, JsonNode data) {
        return SCHEMAS.computeIfAbsent(type, EventConsumer::schema).validate(data);
    }

    private static JsonSchema schema(String type) {
        String resource = "/schemas/" + type + ".v1.json";
        try (InputStream in = EventConsumer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("No JSON Schema " + resource + " in the events module");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
