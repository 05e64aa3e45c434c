package io.limber.reminder.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.limber.events.EventTypes;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Produces records exactly as the contract's producers do: CloudEvents binary mode, JSON data,
 * keyed by member or exercise id. The producing services are written separately, so the tests
 * stand in for them.
 */
public final class CloudEvents {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CloudEvents() {}

    public static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProducerRecord<String, String> record(
            String topic, String key, String type, String id, String value) {
        return record(
                topic,
                key,
                value,
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        id,
                        "ce_source",
                        "/test-producer",
                        "ce_type",
                        type,
                        "ce_subject",
                        key,
                        "ce_time",
                        Instant.now().toString(),
                        "ce_dataschema",
                        EventTypes.dataSchema(type, 1),
                        "content-type",
                        "application/json"));
    }

    public static ProducerRecord<String, String> record(
            String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, h);
    }

    public static String send(KafkaCompanion kafka, String topic, String key, String type, Object data) {
        String id = UUID.randomUUID().toString();
        send(kafka, record(topic, key, type, id, json(data)));
        return id;
    }

    public static void send(KafkaCompanion kafka, ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
