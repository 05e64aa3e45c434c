package io.limber.messaging;

import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Publishes one batch of pending outbox rows and marks them published, in one transaction: claim,
 * send, mark. The rows are {@link OutboxStore}'s, the records {@link OutboxRecordMapper}'s, the
 * spans and meters {@link OutboxListener}'s.
 *
 * <p>Our own outbox rather than a library: transaction-outbox replays serialised method calls and
 * Debezium's outbox router needs Kafka Connect, where the suite needs ordered CloudEvents from one table.
 *
 * <p>A plain Kafka producer rather than a messaging channel: the relay needs every record of a
 * batch acknowledged before it commits, exact CloudEvents headers and null values for tombstones.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** How long a batch may wait for Kafka's acknowledgements before the relay starts over. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxStore store;
    private final OutboxRecordMapper records;
    private final OutboxListener listener;
    private final OutboxConfig config;
    private final Map<String, Object> producerConfig;
    private volatile KafkaProducer<String, byte[]> producer;

    OutboxPublisher(
            OutboxStore store,
            OutboxRecordMapper records,
            OutboxListener listener,
            OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.store = store;
        this.records = records;
        this.listener = listener;
        this.config = config;
        this.producerConfig = producerConfig(kafkaConfig);
        this.producer = newProducer();
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
        try (OutboxListener.PublishSpans spans = listener.publishing()) {
            try {
                send(batch, spans);
            } catch (Exception e) {
                spans.failed(e);
                // Whatever this producer still holds must never reach Kafka after the retry's records.
                // The transaction rolls back and the whole batch is sent again: at least once, in order.
                resetProducer();
                throw e;
            }
        }
        Instant now = Instant.now();
        store.markPublished(batch, now);
        listener.published(batch, now);
        return batch.size();
    }

    /** Returns once Kafka has acknowledged every record of the batch. */
    private void send(List<PendingEvent> batch, OutboxListener.PublishSpans spans) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            Future<RecordMetadata> ack = producer.send(records.toRecord(event, spans.start(event)));
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
