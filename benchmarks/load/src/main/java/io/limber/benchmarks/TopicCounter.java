package io.limber.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its current end (or its start) and counts the records whose key starts with
 * a prefix: distinct keys, distinct CloudEvents ids and all records, and when the last new key
 * arrived. One benchmark run's records are told apart from everything else on the topic by the
 * prefix.
 */
final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String prefix;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> keys = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private long records;
    private long lastNewKeyNanos;

    TopicCounter(String bootstrapServers, String topic, String prefix, boolean fromStart) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolves the lazy seek now, before the run starts
        this.prefix = prefix;
        this.thread = new Thread(this::poll, "topic-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                if (record.key() == null || !record.key().startsWith(prefix)) {
                    continue;
                }
                Header id = record.headers().lastHeader("ce_id");
                synchronized (this) {
                    records++;
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                    if (keys.add(record.key())) {
                        lastNewKeyNanos = System.nanoTime();
                    }
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    synchronized int distinctKeys() {
        return keys.size();
    }

    synchronized int distinctIds() {
        return ids.size();
    }

    synchronized long records() {
        return records;
    }

    synchronized long lastNewKeyNanos() {
        return lastNewKeyNanos;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
