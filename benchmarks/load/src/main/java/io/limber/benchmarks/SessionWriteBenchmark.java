package io.limber.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;

/**
 * Session POSTs under load, in one run beside two yardsticks making the same inserts (the
 * Idempotency-Key's claim, the session row, its outbox row) on the same PostgreSQL: a bare Quarkus
 * endpoint over plain JDBC ({@code baseline/}, the headline ratio: the least any Quarkus service
 * can do for this POST) and pgbench (the database's own limit, printed beside it). Plus the time
 * from each session's commit to its event on {@code limber.sessions.v1}.
 *
 * <p>Targets (issue 18): at least 60% of the bare endpoint's rate; p99 under 25 ms at half the
 * rate the service sustained; commit-to-topic p99 under 100 ms.
 */
final class SessionWriteBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sessions;
    private final String baseline;
    private final String reminders;
    private final String content;
    private final String slug;
    private final String kafka;
    private final Path keys;
    private final String pgUrl;
    private final String pgbench;
    private final int callers;
    private final HttpLoad.Steadiness steadiness;
    private final Duration halfRateWarmup;
    private final Duration duration;
    private final boolean throughputOnly;
    private final HttpLoad load = new HttpLoad();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> members = new ArrayList<>();

    SessionWriteBenchmark(Options o) {
        sessions = o.get("sessions", "http://localhost:8082");
        baseline = o.get("baseline", "http://localhost:8090");
        reminders = o.get("reminders", "http://localhost:8083");
        content = o.get("content", "http://localhost:8081");
        slug = o.get("slug", "open-book-rotation");
        kafka = o.get("kafka", "127.0.0.1:9092");
        keys = Path.of(o.get("keys", ".limber/keys"));
        pgUrl = o.get("pg", "postgresql://postgres:postgres@127.0.0.1:5432/sessions");
        pgbench = o.get("pgbench", "pgbench");
        callers = o.getInt("callers", 16);
        // The warm-up's ceiling: it ends as soon as two windows in a row agree. A freshly started
        // session-service measured 1,010, 1,325, 1,732, 2,404, 2,511 and 2,685/s in six
        // back-to-back 20 s runs: about two minutes of JIT under full load on 2 cores.
        steadiness = HttpLoad.Steadiness.of(o, 240);
        halfRateWarmup = o.seconds("half-rate-warmup", 10);
        duration = o.seconds("duration", 15);
        throughputOnly = Boolean.parseBoolean(o.get("throughput-only", "false"));
    }

    boolean run() throws Exception {
        JsonNode exercise =
                JSON.readTree(load.get(HttpRequest.newBuilder(URI.create(content + "/api/v1/exercises/" + slug))
                                .build())
                        .body());
        UUID exerciseId = UUID.fromString(exercise.path("id").asText());
        int revision = exercise.path("revision").asInt();
        TokenMinter minter = new TokenMinter(
                KeyPairFiles.in(keys).loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE);
        for (int i = 0; i < 200; i++) {
            String member = "bench-" + UUID.randomUUID();
            members.add(member);
            tokens.add(minter.token(member, "bench-employer", List.of("member"), Duration.ofHours(2)));
        }

        if (throughputOnly) {
            // For profiling the write path: only the closed loop, nothing else on the machine.
            System.out.println(
                    measureClosed("POST session (closed loop)", () -> post(sessions + "/api/v1", exerciseId, revision))
                            .row());
            return true;
        }
        String suite = wholeSuite() ? "whole suite running" : "write path only (no reminder-service)";
        System.out.println("Suite: " + suite);
        // --pgbench none: against an older schema (comparing commits), where its inserts do not fit.
        double pgbenchTps = pgbench.equals("none") ? Double.NaN : pgbench(exerciseId, revision);
        System.out.printf("pgbench, the same inserts, %d clients: %.0f transactions/s%n", callers, pgbenchTps);

        LoadResult bare;
        try {
            bare = measureClosed("bare Quarkus + JDBC (closed loop)", () -> post(baseline, exerciseId, revision));
        } finally {
            deleteBaselineRows();
        }

        CommitToTopic lag = new CommitToTopic(kafka);
        lag.start();
        LoadResult max =
                measureClosed("POST session (closed loop)", () -> post(sessions + "/api/v1", exerciseId, revision));
        int halfRate = Math.max(1, (int) (max.perSecond() / 2));
        lag.reset();
        LoadResult atHalf = load.open(
                "POST session",
                () -> post(sessions + "/api/v1", exerciseId, revision),
                s -> s == 201,
                halfRate,
                halfRateWarmup,
                duration);
        Thread.sleep(2000); // the last events of the run reach the topic
        var lagHistogram = lag.stop();

        System.out.println(LoadResult.header());
        System.out.println(bare.row());
        System.out.println(max.row());
        System.out.println(atHalf.row());
        System.out.printf(
                "%-34s %12s %9.2f ms %9.2f ms %9.2f ms %8s%n",
                "commit to topic (" + lagHistogram.getTotalCount() + " events)",
                "",
                lagHistogram.getValueAtPercentile(50) / 1000.0,
                lagHistogram.getValueAtPercentile(99) / 1000.0,
                lagHistogram.getMaxValue() / 1000.0,
                "");

        double share = max.perSecond() / bare.perSecond();
        double lagP99 = lagHistogram.getValueAtPercentile(99) / 1000.0;
        return Check.report(
                "session writes, " + suite,
                List.of(
                        new Check(
                                String.format(
                                        "throughput >= 60%% of the bare endpoint (%.0f%%: %.0f/s vs %.0f/s;"
                                                + " %.0f%% of pgbench's %.0f/s)",
                                        share * 100,
                                        max.perSecond(),
                                        bare.perSecond(),
                                        max.perSecond() / pgbenchTps * 100,
                                        pgbenchTps),
                                share >= 0.6 && max.failed() == 0 && bare.failed() == 0,
                                new Check.Figure("session POST / bare Quarkus+JDBC, " + suite, share, "x yardstick")),
                        new Check(
                                String.format("p99 < 25 ms at %d/s (%.2f ms)", halfRate, atHalf.p99Millis()),
                                atHalf.p99Millis() < 25 && atHalf.failed() == 0,
                                new Check.Figure("session POST p99 at half rate, " + suite, atHalf.p99Millis(), "ms")),
                        new Check(
                                String.format("commit-to-topic p99 < 100 ms (%.2f ms)", lagP99),
                                lagHistogram.getTotalCount() > 0 && lagP99 < 100,
                                new Check.Figure("commit-to-topic p99, " + suite, lagP99, "ms"))));
    }

    private LoadResult measureClosed(String name, Supplier<Request> requests) throws InterruptedException {
        return load.closed(name, requests, s -> s == 201, callers, steadiness, duration);
    }

    /** Whether reminder-service answers: the whole suite, as an operator runs it, or the write path only. */
    private boolean wholeSuite() {
        try {
            return load.get(HttpRequest.newBuilder(URI.create(reminders + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void deleteBaselineRows() throws IOException, InterruptedException {
        psql("DELETE FROM outbox_event WHERE message_key IN (SELECT member_id FROM exercise_session WHERE employer_id ="
                + " 'baseline'); DELETE FROM idempotency_record WHERE resource_id IN (SELECT id FROM exercise_session"
                + " WHERE employer_id = 'baseline'); DELETE FROM exercise_session WHERE employer_id = 'baseline'");
    }

    private void psql(String sql) throws IOException, InterruptedException {
        new ProcessBuilder("psql", pgUrl, "-q", "-c", sql).inheritIO().start().waitFor();
    }

    /** A session POST to {@code base}: the service's /api/v1 or the bare endpoint's root. */
    private Request post(String base, UUID exerciseId, int revision) {
        int i = ThreadLocalRandom.current().nextInt(members.size());
        Instant end = Instant.now().minusSeconds(60);
        String body = String.format(
                "{\"exerciseId\":\"%s\",\"exerciseRevision\":%d,\"startedAt\":\"%s\",\"endedAt\":\"%s\","
                        + "\"sets\":[{\"side\":\"left\",\"reps\":8,\"holdSeconds\":5},{\"side\":\"right\",\"reps\":8,\"holdSeconds\":5}]}",
                exerciseId, revision, end.minusSeconds(300), end);
        return Request.post(base + "/members/" + members.get(i) + "/sessions", body)
                .header("Authorization", "Bearer " + tokens.get(i))
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /**
     * The inserts the service makes when it records a session under an Idempotency-Key (the key's
     * claim, the session, its outbox row), as one transaction.
     * Its outbox rows are born published so the relay leaves them alone; all are deleted after.
     */
    private double pgbench(UUID exerciseId, int revision) throws IOException, InterruptedException {
        String script = """
                \\set n random(1, 1000000000)
                BEGIN;
                WITH claim AS (
                  INSERT INTO idempotency_record (member_id, operation, idempotency_key, request_hash, resource_id, created_at)
                    VALUES ('pgbench-' || :n, 'recordSession', gen_random_uuid()::text, md5(:n::text), gen_random_uuid(), now())
                    ON CONFLICT (member_id, operation, idempotency_key) DO NOTHING
                    RETURNING resource_id)
                INSERT INTO exercise_session (id, member_id, employer_id, exercise_id, exercise_revision, started_at, ended_at, sets, total_reps, recorded_at)
                  SELECT resource_id, 'pgbench-' || :n, 'pgbench', '%s', %d, now() - interval '6 minutes', now() - interval '1 minute',
                         '[{"side":"left","reps":8,"holdSeconds":5},{"side":"right","reps":8,"holdSeconds":5}]', 16, now() FROM claim;
                INSERT INTO outbox_event (id, topic, message_key, event_type, subject, data_schema, payload, created_at, published_at)
                  VALUES (gen_random_uuid(), 'limber.sessions.v1', 'pgbench-' || :n, 'limber.session.completed', 'pgbench-' || :n,
                          'https://schemas.limber.io/events/limber.session.completed.v1.json',
                          '{"sessionId":"00000000-0000-0000-0000-000000000000","memberId":"pgbench","sets":[{"side":"left","reps":8,"holdSeconds":5}]}', now(), now());
                END;
                """.formatted(exerciseId, revision);
        Path file = Files.createTempFile("limber-pgbench", ".sql");
        Files.writeString(file, script);
        try {
            Process p = new ProcessBuilder(
                            pgbench,
                            "-n",
                            "-c",
                            String.valueOf(callers),
                            "-j",
                            "2",
                            "-T",
                            String.valueOf(duration.toSeconds()),
                            "-f",
                            file.toString(),
                            pgUrl)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("No tps in pgbench output:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } finally {
            Files.deleteIfExists(file);
            psql("DELETE FROM outbox_event WHERE message_key LIKE 'pgbench-%'; DELETE FROM exercise_session WHERE"
                    + " employer_id = 'pgbench'; DELETE FROM idempotency_record WHERE member_id LIKE 'pgbench-%'");
        }
    }

    /** Reads limber.sessions.v1 from its end and records, per event, now minus its ce_time. */
    private static final class CommitToTopic {
        private final String bootstrap;
        private final Recorder recorder = new Recorder(Duration.ofSeconds(60).toNanos() / 1000, 3);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        CommitToTopic(String bootstrap) {
            this.bootstrap = bootstrap;
        }

        void start() throws InterruptedException {
            Properties props = new Properties();
            props.putAll(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    "false"));
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = consumer.partitionsFor("limber.sessions.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(
                    () -> {
                        try (consumer) {
                            while (running.get()) {
                                for (var record : consumer.poll(Duration.ofMillis(50))) {
                                    var type = record.headers().lastHeader("ce_type");
                                    var time = record.headers().lastHeader("ce_time");
                                    if (type != null
                                            && time != null
                                            && new String(type.value(), StandardCharsets.UTF_8)
                                                    .equals("limber.session.completed")) {
                                        Instant committed =
                                                Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
                                        long micros = Duration.between(committed, Instant.now())
                                                        .toNanos()
                                                / 1000;
                                        recorder.recordValue(Math.max(
                                                0,
                                                Math.min(
                                                        micros,
                                                        Duration.ofSeconds(60).toNanos() / 1000)));
                                    }
                                }
                            }
                        }
                    },
                    "commit-to-topic");
            thread.start();
        }

        void reset() {
            recorder.getIntervalHistogram();
        }

        org.HdrHistogram.Histogram stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return recorder.getIntervalHistogram();
        }
    }
}
