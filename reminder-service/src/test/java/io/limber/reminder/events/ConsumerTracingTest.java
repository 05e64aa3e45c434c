package io.limber.reminder.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.reminder.RecordingSpanExporter;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Members;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The trace in a record's traceparent header (the outbox relay sets it) continues here. */
@QuarkusTest
class ConsumerTracingTest {

    @Inject
    RecordingSpanExporter exporter;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void consumingASessionEventContinuesTheProducersTrace() {
        String traceId = hex(16);
        String parentSpanId = hex(8);
        String member = Members.newId();
        String id = UUID.randomUUID().toString();
        var record = CloudEvents.record(
                Topic.SESSIONS.name(),
                member,
                EventTypes.SESSION_COMPLETED,
                id,
                CloudEvents.json(SessionEventsConsumerTest.session(member, Instant.now())));
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value())));
        headers.put("traceparent", "00-" + traceId + "-" + parentSpanId + "-01");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            CloudEvents.send(kafka, CloudEvents.record(record.topic(), member, record.value(), headers));
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(exporter.spans())
                        .filteredOn(s -> s.getTraceId().equals(traceId))
                        .anySatisfy(consumer -> {
                            assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
                            assertThat(consumer.getParentSpanId()).isEqualTo(parentSpanId);
                            assertThat(consumer.getName()).contains(Topic.SESSIONS.name());
                        }));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
