package io.limber.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.infra.BrokerProcess;
import io.limber.infra.Infrastructure;
import io.limber.infra.KafkaServer;
import io.limber.infra.Ports;
import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;

/**
 * Faults under a steady load of session POSTs (issue 7): the Kafka broker killed with SIGKILL and
 * restarted after a while, and session-service and reminder-service killed with SIGKILL and
 * started again. After each: every session the API acknowledged exists exactly once, each of
 * their {@code limber.session.completed} events reached the topic (duplicates only with the same
 * CloudEvents id), and the service was ready again with no manual step.
 *
 * <p>It starts its own PostgreSQL, broker and services (native, on free ports), so it can kill and
 * restart them; nothing else needs to run.
 */
final class FaultSuite {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int rate;
    private final Duration before;
    private final Duration outage;
    private final Duration after;
    private final List<String> scenarios;
    private final Path root = Path.of("").toAbsolutePath();
    private final Path logs = root.resolve(".limber/faults");
    private final String javaOpts;
    private final int duePrompts;

    private Infrastructure infra;
    private KafkaServer broker;
    private int kafkaPort;
    private Path keys;
    private final Map<String, ChildJvm> services = new HashMap<>();
    private final Map<String, Map<String, String>> envs = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    FaultSuite(Options o) {
        rate = o.getInt("rate", 40);
        before = o.seconds("before", 10);
        outage = o.seconds("outage", 30);
        after = o.seconds("after", 20);
        scenarios = List.of(o.get("scenarios", "kafka,session-service,reminder-service,reminder-dispatch")
                .split(","));
        duePrompts = o.getInt("due-prompts", 30_000);
        javaOpts = o.get("java-opts", "-Xms64m -Xmx384m -XX:+UseSerialGC");
    }

    boolean run() throws Exception {
        List<Check> checks = new ArrayList<>();
        List<String> table = new ArrayList<>();
        Files.createDirectories(logs);
        Path data = Files.createTempDirectory("limber-faults");
        kafkaPort = Ports.free();
        infra = Infrastructure.start(new Infrastructure.Settings(
                data.resolve("postgres"), 0, logs.resolve("postgres.log"), data.resolve("kafka"), kafkaPort));
        broker = infra.kafka();
        try {
            keys = data.resolve("keys");
            KeyPairFiles.in(keys).ensureExists();
            for (String[] svc : new String[][] {
                {"content-service", "content"}, {"session-service", "sessions"}, {"reminder-service", "reminders"}
            }) {
                infra.postgres().createDatabase(svc[1]);
                startService(svc[0], svc[1]);
            }
            for (String name : services.keySet()) {
                services.get(name).awaitHttp(url(name) + "/q/health/ready", Duration.ofSeconds(180));
            }
            Exercise exercise = awaitExercise();
            System.out.printf(
                    "Suite ready (%s); %d session POSTs/s, %ds before each fault, %ds of outage, %ds after%n",
                    infra.description(), rate, before.toSeconds(), outage.toSeconds(), after.toSeconds());
            for (String scenario : scenarios) {
                if (scenario.trim().equals("reminder-dispatch")) {
                    checks.add(promptsThroughACrash());
                    continue;
                }
                Outcome outcome = scenario(scenario.trim(), exercise);
                table.add(outcome.row());
                checks.add(new Check(
                        "%s: every acknowledged session stored once and its event on the topic; ready again after %.1f s"
                                .formatted(outcome.scenario(), outcome.recoverySeconds()),
                        outcome.passed()));
            }
        } finally {
            for (ChildJvm service : services.values()) {
                service.close();
            }
            broker.close();
            infra.close();
        }
        System.out.println();
        System.out.printf(
                "%-18s %8s %8s %8s %9s %9s %9s %10s %9s%n",
                "scenario", "sent", "acked", "refused", "stored", "duplic.", "on topic", "redeliv.", "recovery");
        table.forEach(System.out::println);
        return Check.report("faults", checks);
    }

    // ---- scenarios

    record Outcome(
            String scenario,
            long sent,
            long acknowledged,
            long refused,
            long stored,
            long duplicated,
            long onTopic,
            long redelivered,
            double recoverySeconds,
            boolean passed) {

        String row() {
            return "%-18s %8d %8d %8d %9d %9d %9d %10d %8.1fs"
                    .formatted(
                            scenario,
                            sent,
                            acknowledged,
                            refused,
                            stored,
                            duplicated,
                            onTopic,
                            redelivered,
                            recoverySeconds);
        }
    }

    private Outcome scenario(String name, Exercise exercise) throws Exception {
        String prefix = "fault-" + name.replace("-service", "") + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        System.out.printf("%n== %s (members %s-*)%n", name, prefix);
        SessionLoad load = new SessionLoad(prefix, exercise);
        Thread driver = new Thread(load::run, "fault-load");
        driver.start();
        Thread.sleep(before.toMillis());
        double recovery;
        switch (name) {
            case "kafka" -> {
                System.out.println("  killing the broker (SIGKILL)");
                BrokerProcess.kill(broker.pid());
                Thread.sleep(outage.toMillis());
                System.out.println("  restarting the broker");
                long restart = System.nanoTime();
                broker = BrokerProcess.restart(broker.directory().orElseThrow(), kafkaPort);
                awaitOutboxDrained("sessions", Duration.ofSeconds(180));
                recovery = (System.nanoTime() - restart) / 1e9;
            }
            case "session-service", "reminder-service", "content-service" -> {
                System.out.println("  killing " + name + " (SIGKILL)");
                services.get(name).kill();
                Thread.sleep(Math.min(outage.toMillis(), 5_000));
                long restart = System.nanoTime();
                startService(name, databaseOf(name));
                services.get(name).awaitHttp(url(name) + "/q/health/ready", Duration.ofSeconds(180));
                recovery = (System.nanoTime() - restart) / 1e9;
                System.out.printf("  %s ready again %.1f s after its restart%n", name, recovery);
            }
            default -> throw new IllegalArgumentException("Unknown scenario " + name);
        }
        Thread.sleep(after.toMillis());
        load.stop();
        driver.join();
        awaitOutboxDrained("sessions", Duration.ofSeconds(120));

        Map<String, List<String>> stored = storedSessions(prefix);
        Set<String> acknowledged = load.acknowledged.keySet();
        long missing = acknowledged.stream().filter(k -> !stored.containsKey(k)).count();
        long duplicated = stored.values().stream().filter(ids -> ids.size() > 1).count();
        Set<String> storedIds = new HashSet<>();
        acknowledged.forEach(k -> storedIds.addAll(stored.getOrDefault(k, List.of())));
        TopicSessions topic = sessionsOnTopic(prefix);
        long notPublished =
                storedIds.stream().filter(id -> !topic.sessionIds.contains(id)).count();
        boolean passed = missing == 0 && duplicated == 0 && notPublished == 0 && topic.conflictingIds == 0;
        if (!passed) {
            System.out.printf(
                    "  missing in the database: %d, stored twice: %d, stored but not on the topic: %d, one ce_id for two sessions: %d%n",
                    missing, duplicated, notPublished, topic.conflictingIds);
        }
        System.out.printf("  responses by status: %s%n", load.statuses);
        return new Outcome(
                name,
                load.sent.get(),
                acknowledged.size(),
                load.sent.get() - acknowledged.size(),
                stored.values().stream().mapToLong(List::size).sum(),
                duplicated,
                topic.sessionIds.size(),
                topic.records - topic.sessionIds.size(),
                recovery,
                passed);
    }

    // ---- prompts through a crash

    /**
     * Many prompts due at once, reminder-service killed with SIGKILL while it dispatches them and
     * started again: every member gets exactly one prompt, in the database and on the topic.
     */
    private Check promptsThroughACrash() throws Exception {
        String prefix = "fault-dispatch-" + UUID.randomUUID().toString().substring(0, 6);
        System.out.printf("%n== reminder-dispatch (%,d prompts due at once, members %s-*)%n", duePrompts, prefix);
        try (Connection db = connect("reminders")) {
            String settings = templateSettings(db, prefix);
            try (PreparedStatement prefs =
                            db.prepareStatement("INSERT INTO reminder_preferences (member_id, settings, updated_at)"
                                    + " SELECT ? || '-' || g, ?::jsonb, now() FROM generate_series(1, ?) g");
                    PreparedStatement schedules = db.prepareStatement(
                            "INSERT INTO prompt_schedule (member_id, next_due_at, gentle, updated_at)"
                                    + " SELECT ? || '-' || g, NULL, false, now() FROM generate_series(1, ?) g");
                    PreparedStatement due = db.prepareStatement(
                            "UPDATE prompt_schedule SET next_due_at = now() WHERE member_id LIKE ?")) {
                prefs.setString(1, prefix);
                prefs.setString(2, settings);
                prefs.setInt(3, duePrompts);
                prefs.executeUpdate();
                schedules.setString(1, prefix);
                schedules.setInt(2, duePrompts);
                schedules.executeUpdate();
                due.setString(1, prefix + "-%");
                due.executeUpdate();
            }
            Thread.sleep(1_500); // mid-burst
            long sentBefore = count(db, "SELECT count(*) FROM prompt WHERE member_id LIKE ?", prefix + "-%");
            System.out.printf(
                    "  killing reminder-service (SIGKILL) with %,d of %,d prompts sent%n", sentBefore, duePrompts);
            services.get("reminder-service").kill();
            Thread.sleep(3_000);
            long restart = System.nanoTime();
            startService("reminder-service", "reminders");
            services.get("reminder-service")
                    .awaitHttp(url("reminder-service") + "/q/health/ready", Duration.ofSeconds(180));
            double recovery = (System.nanoTime() - restart) / 1e9;
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (count(
                                    db,
                                    "SELECT count(*) FROM prompt_schedule WHERE member_id LIKE ? AND next_due_at <= now()",
                                    prefix + "-%")
                            > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            awaitOutboxDrained("reminders", Duration.ofSeconds(180));
            long stored = count(db, "SELECT count(*) FROM prompt WHERE member_id LIKE ?", prefix + "-%");
            long members =
                    count(db, "SELECT count(DISTINCT member_id) FROM prompt WHERE member_id LIKE ?", prefix + "-%");
            TopicPrompts topic = promptsOnTopic(prefix);
            System.out.printf(
                    "  prompts stored %,d for %,d members; on the topic %,d members, %,d prompts, %,d records;"
                            + " members prompted twice: %,d; ready again %.1f s after restart%n",
                    stored, members, topic.members, topic.prompts, topic.records, topic.membersWithTwo, recovery);
            boolean passed = stored == duePrompts
                    && members == duePrompts
                    && topic.members == duePrompts
                    && topic.prompts == duePrompts
                    && topic.membersWithTwo == 0;
            return new Check(
                    "reminder-dispatch: killed mid-burst (%,d of %,d sent), every member prompted exactly once; ready again after %.1f s"
                            .formatted(sentBefore, duePrompts, recovery),
                    passed);
        }
    }

    record TopicPrompts(long members, long prompts, long records, long membersWithTwo) {}

    private TopicPrompts promptsOnTopic(String prefix) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        Map<String, Set<String>> promptsByMember = new HashMap<>();
        long records = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("limber.prompts.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null
                            || !record.key().startsWith(prefix + "-")
                            || !"limber.prompt.due".equals(header(record, "ce_type"))) {
                        continue;
                    }
                    records++;
                    promptsByMember
                            .computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(JSON.readTree(record.value()).path("promptId").asText());
                }
            }
        }
        return new TopicPrompts(
                promptsByMember.size(),
                promptsByMember.values().stream().mapToLong(Set::size).sum(),
                records,
                promptsByMember.values().stream().filter(ids -> ids.size() > 1).count());
    }

    /** Preferences saved through the API (every day, all day), to copy to the seeded members. */
    private String templateSettings(Connection db, String prefix) throws Exception {
        String member = prefix + "-template";
        String token = new TokenMinter(
                        KeyPairFiles.in(keys).loadPrivateKey(),
                        TokenMinter.DEFAULT_ISSUER,
                        TokenMinter.DEFAULT_AUDIENCE)
                .token(member, "fault-employer", List.of("member"), Duration.ofMinutes(10));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("reminder-service") + "/api/v1/me/reminder-preferences"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"timeZone\":\"UTC\",\"workingDays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
                                                + "\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],"
                                                + "\"workingWindows\":[{\"start\":\"00:00\",\"end\":\"24:00\"}],"
                                                + "\"intervalMinutes\":50,\"dailyCap\":100}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Template preferences refused: " + response.statusCode() + " " + response.body());
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM prompt_schedule WHERE member_id = ?");
                PreparedStatement select =
                        db.prepareStatement("SELECT settings::text FROM reminder_preferences WHERE member_id = ?")) {
            delete.setString(1, member);
            delete.executeUpdate();
            select.setString(1, member);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection db, String sql, String pattern) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- load

    /** Open-loop POSTs at the configured rate; remembers the Idempotency-Keys the API acknowledged. */
    private final class SessionLoad {
        final String prefix;
        final Exercise exercise;
        final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> members = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();

        SessionLoad(String prefix, Exercise exercise) throws Exception {
            this.prefix = prefix;
            this.exercise = exercise;
            TokenMinter minter = new TokenMinter(
                    KeyPairFiles.in(keys).loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE);
            for (int i = 0; i < 50; i++) {
                String member = prefix + "-" + i;
                members.add(member);
                tokens.add(minter.token(member, "fault-employer", List.of("member"), Duration.ofHours(2)));
            }
        }

        void run() {
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            List<Thread> inFlight = new ArrayList<>();
            while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                next += period;
                Thread t = new Thread(this::postOne, "fault-post");
                t.start();
                inFlight.add(t);
                inFlight.removeIf(x -> !x.isAlive());
            }
            for (Thread t : inFlight) {
                try {
                    t.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** One POST, retried with the same key as a mobile client would, until acknowledged or 30 s. */
        void postOne() {
            int i = ThreadLocalRandom.current().nextInt(members.size());
            String key = UUID.randomUUID().toString();
            Instant end = Instant.now().minusSeconds(60);
            String body =
                    "{\"exerciseId\":\"%s\",\"exerciseRevision\":%d,\"startedAt\":\"%s\",\"endedAt\":\"%s\",\"sets\":[{\"side\":\"both\",\"reps\":8,\"holdSeconds\":5}]}"
                            .formatted(exercise.id(), exercise.revision(), end.minusSeconds(300), end);
            Request request = Request.post(
                            url("session-service") + "/api/v1/members/" + members.get(i) + "/sessions", body)
                    .header("Authorization", "Bearer " + tokens.get(i))
                    .header("Idempotency-Key", key)
                    .header("Connection", "close");
            sent.incrementAndGet();
            int status = send(request);
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status == 201 || status == 200) {
                acknowledged.put(key, true);
            }
        }

        int send(Request request) {
            try (HttpConnection connection = new HttpConnection(request.uri())) {
                return connection.send(request.encode());
            } catch (Exception e) {
                return 0; // no answer: refused, reset or timed out
            }
        }

        void stop() {
            running.set(false);
        }
    }

    // ---- checks

    /** Idempotency-Key -> the session ids stored under it, for this scenario's members. */
    private Map<String, List<String>> storedSessions(String prefix) throws SQLException {
        Map<String, List<String>> stored = new HashMap<>();
        try (Connection db = connect("sessions");
                PreparedStatement select = db.prepareStatement(
                        "SELECT idempotency_key, id::text FROM exercise_session WHERE member_id LIKE ?")) {
            select.setString(1, prefix + "-%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return stored;
    }

    record TopicSessions(Set<String> sessionIds, long records, long conflictingIds) {}

    /** The sessions of this scenario's members on limber.sessions.v1, read from the beginning. */
    private TopicSessions sessionsOnTopic(String prefix) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> sessionIds = new HashSet<>();
        Map<String, String> sessionByCeId = new HashMap<>();
        long records = 0;
        long conflicting = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("limber.sessions.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null
                            || !record.key().startsWith(prefix + "-")
                            || !"limber.session.completed".equals(header(record, "ce_type"))) {
                        continue;
                    }
                    records++;
                    String sessionId =
                            JSON.readTree(record.value()).path("sessionId").asText();
                    sessionIds.add(sessionId);
                    String earlier = sessionByCeId.putIfAbsent(header(record, "ce_id"), sessionId);
                    if (earlier != null && !earlier.equals(sessionId)) {
                        conflicting++;
                    }
                }
            }
        }
        return new TopicSessions(sessionIds, records, conflicting);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void awaitOutboxDrained(String database, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = connect(database);
                    PreparedStatement s =
                            db.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        System.out.println("  (the outbox still held unpublished events after " + timeout.toSeconds() + " s)");
    }

    // ---- the suite

    record Exercise(String id, int revision) {}

    private Exercise awaitExercise() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url("content-service") + "/api/v1/exercises/open-book-rotation"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode exercise = JSON.readTree(response.body());
                // session-service must have it in its catalog copy too: a dosage read says so.
                return new Exercise(
                        exercise.path("id").asText(), exercise.path("revision").asInt());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("content-service never served its seed catalog");
    }

    private void startService(String name, String database) throws Exception {
        Map<String, String> env = envs.computeIfAbsent(name, n -> {
            int port = Ports.free();
            ports.put(n, port);
            Map<String, String> e = new HashMap<>();
            e.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            e.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database));
            e.put("QUARKUS_DATASOURCE_USERNAME", infra.postgres().username());
            e.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgres().password());
            e.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            e.put(
                    "LIMBER_JWT_PUBLIC_KEY_LOCATION",
                    keys.resolve("jwt-public.pem").toUri().toString());
            e.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            return e;
        });
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        services.put(name, ChildJvm.start(name, javaOpts, List.of("-jar", jar.toString()), env, logs));
    }

    private static String databaseOf(String service) {
        return switch (service) {
            case "content-service" -> "content";
            case "session-service" -> "sessions";
            default -> "reminders";
        };
    }

    private String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                infra.postgres().jdbcUrl(database),
                infra.postgres().username(),
                infra.postgres().password());
    }
}
