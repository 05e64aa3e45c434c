package io.limber.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One db-scheduler instance for the dispatch benchmark's comparison, in its own JVM as a
 * reminder-service replica is: a one-time task per prompt whose execution publishes the prompt to
 * Kafka and waits for the acknowledgement, so a completed execution means the event is on the
 * topic (the guarantee the outbox relay gives). Lock-and-fetch polling, as db-scheduler recommends
 * for PostgreSQL at high throughput.
 */
final class DbSchedulerWorker {

    private DbSchedulerWorker() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String topic = o.get("topic", "limber.bench.db-scheduler");
        int threads = o.getInt("threads", 20);

        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        o.get("kafka", "127.0.0.1:9092"),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0),
                new StringSerializer(),
                new ByteArraySerializer());

        OneTimeTask<Void> prompt = Tasks.oneTime("prompt").execute((instance, context) -> {
            String memberId = instance.getId();
            try {
                producer.send(record(topic, memberId)).get();
            } catch (Exception e) {
                throw new IllegalStateException("Publishing the prompt for " + memberId + " failed", e);
            }
        });

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(o.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/bench_dbscheduler"));
        pool.setUsername(o.get("user", "postgres"));
        pool.setPassword(o.get("password", "postgres"));
        pool.setMaximumPoolSize(threads + 4);
        HikariDataSource dataSource = new HikariDataSource(pool);

        Scheduler scheduler = Scheduler.create(dataSource, prompt)
                .threads(threads)
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofSeconds(1))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scheduler.stop();
            producer.close(Duration.ofSeconds(5));
            dataSource.close();
            stopped.countDown();
        }));
        scheduler.start();
        System.out.println("db-scheduler worker ready");
        stopped.await();
    }

    /** The same shape and size as a limber.prompt.due event: CloudEvents headers, a JSON body. */
    private static ProducerRecord<String, byte[]> record(String topic, String memberId) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", UUID.randomUUID().toString());
        header(headers, "ce_source", "/db-scheduler-benchmark");
        header(headers, "ce_type", "limber.prompt.due");
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_subject", memberId);
        header(headers, "content-type", "application/json");
        String body = """
                {"promptId":"%s","memberId":"%s","dueAt":"%s","timeZone":"UTC","suggestion":{"exerciseId":"%s",\
                "slug":"chin-tucks","name":"Chin tucks","sets":2,"reps":10,"holdSeconds":5},"channels":["push"]}""".formatted(UUID.randomUUID(), memberId, Instant.now(), UUID.randomUUID());
        return new ProducerRecord<>(topic, null, memberId, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
