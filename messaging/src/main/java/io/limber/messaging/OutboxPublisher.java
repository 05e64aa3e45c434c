package io.limber.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes one batch of pending outbox rows and marks them published, in one transaction.
 *
 * <p>A plain Kafka producer rather than a messaging channel: the relay needs every record of a
 * batch acknowledged before it commits, exact CloudEvents headers and null values for tombstones.
 *
 * <p>A row appended in a traced transaction is published in a PRODUCER span that is a child of
 * that transaction's span, and its record carries the span's W3C {@code traceparent} (and
 * {@code tracestate}), so consumers continue the trace that recorded the change.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** How long a batch may wait for Kafka's acknowledgements before the relay starts over. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxStore store;
    private final OutboxConfig config;
    private final Map<String, Object> producerConfig;
    private volatile KafkaProducer<String, byte[]> producer;
    private final Counter relayed;
    private final Timer commitToPublish;
    private final Tracer tracer;

    OutboxPublisher(
            OutboxStore store,
            OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry,
            Tracer tracer) {
        this.store = store;
        this.config = config;
        this.tracer = tracer;
        this.producerConfig = producerConfig(kafkaConfig);
        this.producer = newProducer();
        this.relayed = Counter.builder("limber.outbox.relayed")
                .description("Events published from the outbox")
                .register(registry);
        this.commitToPublish = Timer.builder("limber.outbox.lag")
                .description("Time from an event's commit to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (k.startsWith("bootstrap.servers")
                    || k.startsWith("security.")
                    || k.startsWith("sasl.")
                    || k.startsWith("ssl.")) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // Never let the producer expire a record on its own: after an expiry it carries on with the
        // records behind it, which breaks the order per key. The relay gives up first (ACK_TIMEOUT)
        // and throws the whole producer away instead, so what reached Kafka is always a prefix.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                ACK_TIMEOUT.multipliedBy(4).toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    /** @return how many events were published; 0 when none wait or another replica is the relay */
    @Transactional
    public int publishBatch() throws Exception {
        List<PendingEvent> batch = store.claimBatch(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Span> spans = new ArrayList<>(batch.size());
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (PendingEvent event : batch) {
                Span span = publishSpan(event);
                if (span != null) {
                    spans.add(span);
                }
                Future<RecordMetadata> ack = producer.send(toRecord(event, span));
                // A record send() could not even queue (no metadata while the broker comes back)
                // returns as an already-failed future: stop before any later record of the batch
                // can reach the topic ahead of it.
                if (ack.isDone()) {
                    ack.get();
                }
                acks.add(ack);
            }
            producer.flush();
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            for (Span span : spans) {
                span.setStatus(StatusCode.ERROR, "not acknowledged: " + e);
            }
            // Whatever this producer still holds must never reach Kafka after the retry's records.
            // The transaction rolls back and the whole batch is sent again: at least once, in order.
            resetProducer();
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        Instant now = Instant.now();
        store.markPublished(batch, now);
        for (PendingEvent event : batch) {
            commitToPublish.record(Duration.between(event.createdAt(), now));
        }
        relayed.increment(batch.size());
        return batch.size();
    }

    /**
     * A PRODUCER span under the appending transaction's, or null for an untraced row: a relay
     * batch has no request of its own, and a root span per record would only be noise.
     */
    private Span publishSpan(PendingEvent event) {
        if (event.trace().traceparent() == null) {
            return null;
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), event, PENDING_HEADERS);
        return tracer.spanBuilder(event.topic() + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(MESSAGING_OPERATION, "publish")
                .setAttribute(MESSAGING_DESTINATION, event.topic())
                .setAttribute(MESSAGING_MESSAGE_ID, event.id())
                .setAttribute(CLOUDEVENTS_TYPE, event.type())
                .startSpan();
    }

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation");
    private static final AttributeKey<String> MESSAGING_DESTINATION =
            AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CLOUDEVENTS_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private static final TextMapGetter<PendingEvent> PENDING_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(PendingEvent event) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(PendingEvent event, String key) {
            if (event == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> event.trace().traceparent();
                case "tracestate" -> event.trace().tracestate();
                default -> null;
            };
        }
    };

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event, Span span) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", config.source());
        header(headers, "ce_type", event.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        if (event.subject() != null) {
            header(headers, "ce_subject", event.subject());
        }
        if (event.dataSchema() != null) {
            header(headers, "ce_dataschema", event.dataSchema());
        }
        traceHeaders(headers, event, span);
        byte[] value = null;
        if (event.payload() != null) {
            header(headers, "content-type", "application/json");
            value = event.payload().getBytes(StandardCharsets.UTF_8);
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), value, headers);
    }

    /**
     * The publish span's context when tracing is on; the stored one as it is when the SDK is
     * off here but the row was traced elsewhere (another replica, before a restart).
     */
    private static void traceHeaders(RecordHeaders headers, PendingEvent event, Span span) {
        if (span != null && span.getSpanContext().isValid()) {
            W3CTraceContextPropagator.getInstance()
                    .inject(Context.root().with(span), headers, (carrier, name, value) -> header(carrier, name, value));
        } else if (event.trace().traceparent() != null) {
            header(headers, "traceparent", event.trace().traceparent());
            if (event.trace().tracestate() != null) {
                header(headers, "tracestate", event.trace().tracestate());
            }
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    private void resetProducer() {
        KafkaProducer<String, byte[]> failed = producer;
        producer = newProducer();
        failed.close(Duration.ZERO);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
