package io.limber.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace of the transaction that appended an event continues in the published record. */
@QuarkusTest
class OutboxTracingTest {

    record Step(String member, int n) {}

    @Inject
    Outbox outbox;

    @Inject
    Tracer tracer;

    @Inject
    RecordingSpanExporter exporter;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theRecordCarriesTheTraceOfTheAppendingTransaction() {
        String topic = "limber.outbox-test." + UUID.randomUUID();
        Span request = tracer.spanBuilder("POST /api/v1/sessions").startSpan();
        UUID id;
        try (Scope ignored = request.makeCurrent()) {
            id = append(topic);
        } finally {
            request.end();
        }

        String traceparent = header(consume(topic, id), "traceparent");

        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).isEqualTo(request.getSpanContext().getTraceId());
        // The header names the relay's publish span, a child of the appending one.
        assertThat(parts[2]).isNotEqualTo(request.getSpanContext().getSpanId());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(exporter.spans())
                        .filteredOn(s -> s.getSpanId().equals(parts[2]))
                        .singleElement()
                        .satisfies(publish -> {
                            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
                            assertThat(publish.getParentSpanId())
                                    .isEqualTo(request.getSpanContext().getSpanId());
                            assertThat(publish.getName()).isEqualTo(topic + " publish");
                            assertThat(attribute(publish, "messaging.message.id"))
                                    .isEqualTo(id.toString());
                        }));
    }

    @Test
    void anUntracedAppendPublishesNoTraceHeader() {
        String topic = "limber.outbox-test." + UUID.randomUUID();
        UUID id = append(topic);
        ConsumerRecord<String, String> record = consume(topic, id);
        assertThat(header(record, "ce_id")).isEqualTo(id.toString());
        assertThat(header(record, "traceparent")).isNull();
    }

    private UUID append(String topic) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(
                        new OutgoingEvent(topic, "m-1", "limber.check", "m-1", null, new Step("m-1", 1))));
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(key));
    }

    private ConsumerRecord<String, String> consume(String topic, UUID id) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            var task = companion.consumeStrings().fromTopics(topic);
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> task.getRecords().stream()
                                .anyMatch(r -> id.toString().equals(header(r, "ce_id"))));
                return task.getRecords().stream()
                        .filter(r -> id.toString().equals(header(r, "ce_id")))
                        .findFirst()
                        .orElseThrow();
            } finally {
                task.stop();
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
