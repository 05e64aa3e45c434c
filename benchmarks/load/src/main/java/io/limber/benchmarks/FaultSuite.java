package io.limber.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.infra.jwt.TokenMinter;

/**
 * Faults under a steady load of session POSTs and prompt dispatch (issue 7): the Kafka broker
 * killed with SIGKILL and restarted after a while, PostgreSQL stopped in immediate mode and
 * restarted on its data, session-service and reminder-service killed with SIGKILL and started
 * again, reminder-service killed in the middle of a burst of due prompts, and one of two
 * reminder-service replicas killed while both dispatch a burst.
 *
 * <p>After each: every session the API acknowledged exists exactly once and its {@code
 * limber.session.completed} event reached the topic (duplicates only with the same CloudEvents
 * id); every prompt that fell due was sent exactly once, in the database and on the topic; the
 * services were ready again with no manual step.
 *
 * <p>The client retries a POST that got no 2xx (5xx, 429, or no answer) with the same
 * Idempotency-Key, after the Retry-After the service sent or a second, for up to 30 s: as a
 * mobile client would. Each answer is counted by status, so what the API said during an outage is
 * printed rather than assumed.
 *
 * <p>It starts its own PostgreSQL, broker and services ({@link LocalSuite}), so it can kill and
 * restart them; nothing else needs to run.
 */
final class FaultSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_FOR = Duration.ofSeconds(30);

    private final int rate;
    private final Duration before;
    private final Duration outage;
    private final Duration postgresOutage;
    private final Duration after;
    private final List<String> scenarios;
    private final Path logs = Path.of("").toAbsolutePath().resolve(".limber/faults");
    private final String javaOpts;
    private final int duePrompts;
    private final int promptsUnderLoad;
    private final int replicaPrompts;

    private LocalSuite suite;

    FaultSuite(Options o) {
        rate = o.getInt("rate", 40);
        before = o.seconds("before", 10);
        outage = o.seconds("outage", 30);
        postgresOutage = o.seconds("postgres-outage", 15);
        after = o.seconds("after", 20);
        scenarios = List.of(o.get(
                        "scenarios",
                        "kafka,postgres,session-service,reminder-service,reminder-dispatch,reminder-replicas")
                .split(","));
        duePrompts = o.getInt("due-prompts", 30_000);
        // Members falling due one after another while a fault scenario runs.
        promptsUnderLoad = o.getInt("prompts-under-load", 3_000);
        replicaPrompts = o.getInt("replica-prompts", 20_000);
        javaOpts = o.get("java-opts", "-Xms64m -Xmx384m -XX:+UseSerialGC");
    }

    boolean run() throws Exception {
        List<Check> checks = new ArrayList<>();
        List<String> table = new ArrayList<>();
        suite = LocalSuite.start(logs, javaOpts);
        try {
            Exercise exercise = awaitExercise();
            System.out.printf(
                    "Suite ready (%s); %d session POSTs/s and %,d prompts falling due per scenario, %ds before each"
                            + " fault, %ds of broker outage, %ds of PostgreSQL outage, %ds after%n",
                    suite.description(),
                    rate,
                    promptsUnderLoad,
                    before.toSeconds(),
                    outage.toSeconds(),
                    postgresOutage.toSeconds(),
                    after.toSeconds());
            for (String s : scenarios) {
                String scenario = s.trim();
                Outcome outcome = switch (scenario) {
                    case "reminder-dispatch" -> promptsThroughACrash();
                    case "reminder-replicas" -> replicaKilledMidBurst();
                    default -> scenario(scenario, exercise);
                };
                table.add(outcome.row());
                checks.add(new Check(outcome.summary(), outcome.passed()));
            }
        } finally {
            suite.close();
        }
        System.out.println();
        System.out.println(Outcome.header());
        table.forEach(System.out::println);
        return Check.report("faults", checks);
    }

    // ---- what a scenario found

    record Prompts(long due, long sent, long duplicated, long onTopic, long duplicatedOnTopic) {

        static final Prompts NONE = new Prompts(0, 0, 0, 0, 0);

        boolean exactlyOnce() {
            return sent == due && duplicated == 0 && onTopic == due && duplicatedOnTopic == 0;
        }

        String cell() {
            return due == 0 ? "-" : "%d/%d/%d".formatted(due, sent, duplicated + duplicatedOnTopic);
        }
    }

    record Outcome(
            String scenario,
            long sent,
            long acknowledged,
            long refused,
            long stored,
            long duplicated,
            long onTopic,
            long redelivered,
            Prompts prompts,
            double recoverySeconds,
            boolean passed,
            String summary) {

        static String header() {
            return "%-18s %7s %7s %7s %7s %7s %8s %8s %20s %9s %6s"
                    .formatted(
                            "scenario",
                            "sent",
                            "acked",
                            "refused",
                            "stored",
                            "duplic.",
                            "on topic",
                            "redeliv.",
                            "prompts due/sent/dup",
                            "recovery",
                            "result");
        }

        String row() {
            return "%-18s %7d %7d %7d %7d %7d %8d %8d %20s %8.1fs %6s"
                    .formatted(
                            scenario,
                            sent,
                            acknowledged,
                            refused,
                            stored,
                            duplicated,
                            onTopic,
                            redelivered,
                            prompts.cell(),
                            recoverySeconds,
                            passed ? "PASS" : "FAIL");
        }
    }

    // ---- faults under session load and prompt dispatch

    private Outcome scenario(String name, Exercise exercise) throws Exception {
        String prefix = "fault-" + name.replace("-service", "") + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        System.out.printf("%n== %s (members %s-*)%n", name, prefix);
        Duration down = name.equals("postgres") ? postgresOutage : outage;
        // Members fall due evenly from now until halfway through the time after the fault.
        String promptPrefix = prefix + "-p";
        Duration window = before.plus(down).plus(after.dividedBy(2));
        seedDuePrompts(promptPrefix, promptsUnderLoad, window);
        long lastFallsDue = System.nanoTime() + window.toNanos();
        SessionLoad load = new SessionLoad(prefix, exercise);
        Thread driver = new Thread(load::run, "fault-load");
        driver.start();
        Thread.sleep(before.toMillis());
        double recovery;
        switch (name) {
            case "kafka" -> {
                System.out.println("  killing the broker (SIGKILL)");
                suite.killBroker();
                Thread.sleep(down.toMillis());
                System.out.println("  restarting the broker");
                long restart = System.nanoTime();
                suite.restartBroker();
                awaitOutboxDrained("sessions", Duration.ofSeconds(180));
                recovery = (System.nanoTime() - restart) / 1e9;
            }
            case "postgres" -> {
                System.out.println("  stopping PostgreSQL in immediate mode (SIGQUIT to the postmaster)");
                long stop = System.nanoTime();
                suite.stopPostgresImmediately();
                load.outageFrom(stop);
                Thread.sleep(Math.max(0, down.toMillis() - (System.nanoTime() - stop) / 1_000_000));
                Map<String, Boolean> readyDuring = new TreeMap<>();
                for (String service : LocalSuite.SERVICES) {
                    readyDuring.put(service, suite.ready(service));
                }
                System.out.println("  ready during the outage: " + readyDuring);
                long restart = System.nanoTime();
                load.outageUntil(restart);
                suite.restartPostgres();
                System.out.printf(
                        "  PostgreSQL restarted on its data directory and port in %.1f s%n",
                        (System.nanoTime() - restart) / 1e9);
                recovery = awaitAllReady(restart, Duration.ofSeconds(180));
                long firstAck = load.firstAcknowledgedAfter(restart);
                System.out.printf(
                        "  every service ready %.1f s after the restart; first session acknowledged after it: %s%n",
                        recovery, firstAck < 0 ? "none" : "%.1f s".formatted((firstAck - restart) / 1e9));
            }
            case "session-service", "reminder-service", "content-service" -> {
                System.out.println("  killing " + name + " (SIGKILL)");
                suite.service(name).kill();
                Thread.sleep(Math.min(down.toMillis(), 5_000));
                long restart = System.nanoTime();
                suite.startService(name);
                suite.awaitReady(name, Duration.ofSeconds(180));
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
        // A service's restart takes less than the outage the window was sized with: wait until the
        // last member has fallen due, or members not due yet would be counted as never prompted.
        Thread.sleep(Math.max(0, (lastFallsDue - System.nanoTime()) / 1_000_000));
        Prompts prompts = awaitPrompts(promptPrefix, promptsUnderLoad);
        boolean sessionsOk = missing == 0 && duplicated == 0 && notPublished == 0 && topic.conflictingIds == 0;
        // With the database down the API must still answer (any status), never leave a request hanging.
        long unanswered = load.outageStatuses.getOrDefault(0, new AtomicLong()).get();
        boolean passed = sessionsOk
                && prompts.exactlyOnce()
                && !acknowledged.isEmpty()
                && unanswered == 0
                && !Double.isNaN(recovery);
        if (!sessionsOk) {
            System.out.printf(
                    "  missing in the database: %d, stored twice: %d, stored but not on the topic: %d, one ce_id for two sessions: %d%n",
                    missing, duplicated, notPublished, topic.conflictingIds);
        }
        load.printAnswers();
        printPrompts(prompts);
        return new Outcome(
                name,
                load.sent.get(),
                acknowledged.size(),
                load.sent.get() - acknowledged.size(),
                stored.values().stream().mapToLong(List::size).sum(),
                duplicated,
                topic.sessionIds.size(),
                topic.records - topic.sessionIds.size(),
                prompts,
                recovery,
                passed,
                "%s: every acknowledged session stored once and its event on the topic; %,d due prompts sent once"
                                .formatted(name, prompts.due)
                        + (load.outageFrom == Long.MAX_VALUE
                                ? ""
                                : "; every request answered during the outage (%,d not)".formatted(unanswered))
                        + "; ready again after %.1f s".formatted(recovery));
    }

    /** Polls every service's readiness until all answer 200; seconds since {@code since}. */
    private double awaitAllReady(long since, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> waiting = new HashSet<>(LocalSuite.SERVICES);
        while (!waiting.isEmpty()) {
            waiting.removeIf(suite::ready);
            if (System.nanoTime() > deadline) {
                System.out.println("  NOT ready again after " + timeout.toSeconds() + " s: " + waiting);
                return Double.NaN;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    // ---- prompts through a crash

    /**
     * Many prompts due at once, reminder-service killed with SIGKILL while it dispatches them and
     * started again: every member gets exactly one prompt, in the database and on the topic.
     */
    private Outcome promptsThroughACrash() throws Exception {
        String prefix = "fault-dispatch-" + UUID.randomUUID().toString().substring(0, 6);
        System.out.printf("%n== reminder-dispatch (%,d prompts due at once, members %s-*)%n", duePrompts, prefix);
        seedDuePrompts(prefix, duePrompts, Duration.ZERO);
        Thread.sleep(1_500); // mid-burst
        long sentBefore = promptsStored(prefix);
        System.out.printf(
                "  killing reminder-service (SIGKILL) with %,d of %,d prompts sent%n", sentBefore, duePrompts);
        suite.service("reminder-service").kill();
        Thread.sleep(3_000);
        long restart = System.nanoTime();
        suite.startService("reminder-service");
        suite.awaitReady("reminder-service", Duration.ofSeconds(180));
        double recovery = (System.nanoTime() - restart) / 1e9;
        Prompts prompts = awaitPrompts(prefix, duePrompts);
        printPrompts(prompts);
        System.out.printf("  ready again %.1f s after restart%n", recovery);
        return new Outcome(
                "reminder-dispatch",
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                prompts,
                recovery,
                prompts.exactlyOnce(),
                "reminder-dispatch: killed mid-burst (%,d of %,d sent), every member prompted exactly once; ready again after %.1f s"
                        .formatted(sentBefore, duePrompts, recovery));
    }

    /**
     * Two reminder-service replicas dispatch a burst; the second is killed with SIGKILL in the
     * middle of it. The survivor must finish the burst alone, every member prompted exactly once;
     * the killed one, started again, must take part in the next burst.
     */
    private Outcome replicaKilledMidBurst() throws Exception {
        String prefix = "fault-replicas-" + UUID.randomUUID().toString().substring(0, 6);
        String replica = "reminder-service-2";
        System.out.printf(
                "%n== reminder-replicas (%,d prompts due at once, two replicas, members %s-*)%n",
                replicaPrompts, prefix);
        suite.startService(replica);
        suite.awaitReady(replica, Duration.ofSeconds(180));
        try {
            seedDuePrompts(prefix, replicaPrompts, Duration.ZERO);
            // Killed while it dispatches: once it has committed a batch of its own, with most still due.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long sentBefore = 0;
            long sentByReplica = 0;
            while (System.nanoTime() < deadline
                    && (sentByReplica = promptsSentBy(replica)) <= 0
                    && (sentBefore = promptsStored(prefix)) < replicaPrompts / 2) {
                Thread.sleep(20);
            }
            sentBefore = promptsStored(prefix);
            System.out.printf(
                    "  killing %s (SIGKILL) with %,d of %,d prompts committed; it had counted %,d sent"
                            + " (limber_prompts_sent_total counts once the batch has committed)%n",
                    replica, sentBefore, replicaPrompts, sentByReplica);
            long kill = System.nanoTime();
            suite.service(replica).kill();
            Prompts first = awaitPrompts(prefix, replicaPrompts);
            double survivorSeconds = (System.nanoTime() - kill) / 1e9;
            printPrompts(first);
            System.out.printf("  the survivor finished the burst %.1f s after the kill%n", survivorSeconds);

            long restart = System.nanoTime();
            suite.startService(replica);
            suite.awaitReady(replica, Duration.ofSeconds(180));
            double recovery = (System.nanoTime() - restart) / 1e9;
            String second = prefix + "-again";
            int secondBurst = Math.max(1_000, replicaPrompts / 4);
            seedDuePrompts(second, secondBurst, Duration.ZERO);
            Prompts again = awaitPrompts(second, secondBurst);
            long joined = promptsSentBy(replica);
            System.out.printf(
                    "  %s ready again %.1f s after its restart; of the next burst (%,d) it sent %,d%n",
                    replica, recovery, secondBurst, joined);
            printPrompts(again);
            Prompts both = new Prompts(
                    first.due + again.due,
                    first.sent + again.sent,
                    first.duplicated + again.duplicated,
                    first.onTopic + again.onTopic,
                    first.duplicatedOnTopic + again.duplicatedOnTopic);
            boolean passed = first.exactlyOnce() && again.exactlyOnce() && joined > 0;
            return new Outcome(
                    "reminder-replicas",
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    both,
                    recovery,
                    passed,
                    ("reminder-replicas: one of two killed mid-burst (%,d of %,d sent), the survivor finished in %.1f s,"
                                    + " every member prompted exactly once; the restarted one ready after %.1f s"
                                    + " and sent %,d of the next %,d")
                            .formatted(sentBefore, replicaPrompts, survivorSeconds, recovery, joined, secondBurst));
        } finally {
            suite.stopService(replica);
        }
    }

    /** limber_prompts_sent_total of one instance since it started, or -1 when it does not answer. */
    private long promptsSentBy(String service) {
        try {
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double total = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("limber_prompts_sent_total")) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) total;
        } catch (Exception e) {
            return -1;
        }
    }

    // ---- due prompts

    /**
     * Members with preferences of every day, all day (saved once through the API and copied), whose
     * prompts fall due evenly over {@code spread} from now (all at once for zero).
     */
    private void seedDuePrompts(String prefix, int count, Duration spread) throws Exception {
        if (count <= 0) {
            return;
        }
        try (Connection db = suite.connect("reminders")) {
            String settings = templateSettings(db, prefix);
            try (PreparedStatement prefs =
                            db.prepareStatement("INSERT INTO reminder_preferences (member_id, settings, updated_at)"
                                    + " SELECT ? || '-' || g, ?::jsonb, now() FROM generate_series(1, ?) g");
                    PreparedStatement schedules = db.prepareStatement(
                            "INSERT INTO prompt_schedule (member_id, next_due_at, gentle, updated_at)"
                                    + " SELECT ? || '-' || g, NULL, false, now() FROM generate_series(1, ?) g");
                    PreparedStatement due = db.prepareStatement("UPDATE prompt_schedule"
                            + " SET next_due_at = now() + make_interval(secs => ?::float8 * (split_part(member_id, '-', ?)::int - 1) / ?)"
                            + " WHERE member_id LIKE ?")) {
                prefs.setString(1, prefix);
                prefs.setString(2, settings);
                prefs.setInt(3, count);
                prefs.executeUpdate();
                schedules.setString(1, prefix);
                schedules.setInt(2, count);
                schedules.executeUpdate();
                due.setDouble(1, spread.toMillis() / 1000.0);
                due.setInt(2, prefix.split("-").length + 1);
                due.setInt(3, count);
                due.setString(4, prefix + "-%");
                due.executeUpdate();
            }
        }
    }

    /**
     * Waits until none of the members is due any more and the outbox is drained, then counts their
     * prompts in the database and on the topic.
     */
    private Prompts awaitPrompts(String prefix, int due) throws Exception {
        if (due == 0) {
            return Prompts.NONE;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = suite.connect("reminders")) {
                if (count(
                                db,
                                "SELECT count(*) FROM prompt_schedule WHERE member_id LIKE ? AND next_due_at <= now()",
                                prefix + "-%")
                        == 0) {
                    break;
                }
            } catch (SQLException notYet) {
                // PostgreSQL still starting
            }
            Thread.sleep(250);
        }
        awaitOutboxDrained("reminders", Duration.ofSeconds(180));
        try (Connection db = suite.connect("reminders")) {
            // Only this run's members: the second burst's prefix extends the first's.
            String pattern = prefix + "-%";
            String members = "SELECT member_id, count(*) n FROM prompt WHERE member_id LIKE ?"
                    + " AND member_id ~ ('^' || ? || '-[0-9]+$') GROUP BY member_id";
            long sent;
            long twice;
            try (PreparedStatement s =
                    db.prepareStatement("SELECT count(*), count(*) FILTER (WHERE n > 1) FROM (" + members + ") m")) {
                s.setString(1, pattern);
                s.setString(2, prefix);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sent = rs.getLong(1);
                    twice = rs.getLong(2);
                }
            }
            TopicPrompts topic = promptsOnTopic(prefix);
            return new Prompts(due, sent, twice, topic.members, topic.membersWithTwo);
        }
    }

    private static void printPrompts(Prompts p) {
        if (p.due == 0) {
            return;
        }
        System.out.printf(
                "  prompts due %,d: sent to %,d members (%,d of them twice); on the topic %,d members"
                        + " (%,d with two different prompts or ce_ids)%n",
                p.due, p.sent, p.duplicated, p.onTopic, p.duplicatedOnTopic);
    }

    private long promptsStored(String prefix) throws SQLException {
        try (Connection db = suite.connect("reminders")) {
            return count(db, "SELECT count(*) FROM prompt WHERE member_id LIKE ?", prefix + "-%");
        }
    }

    record TopicPrompts(long members, long prompts, long records, long membersWithTwo) {}

    /** Members of exactly this prefix (prefix-N) on limber.prompts.v1, with their prompt ids and ce_ids. */
    private TopicPrompts promptsOnTopic(String prefix) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.broker().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        Map<String, Set<String>> promptsByMember = new HashMap<>();
        Map<String, Set<String>> ceIdsByMember = new HashMap<>();
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
                            || !record.key()
                                    .substring(prefix.length() + 1)
                                    .chars()
                                    .allMatch(Character::isDigit)
                            || !"limber.prompt.due".equals(header(record, "ce_type"))) {
                        continue;
                    }
                    records++;
                    promptsByMember
                            .computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(JSON.readTree(record.value()).path("promptId").asText());
                    ceIdsByMember
                            .computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(header(record, "ce_id"));
                }
            }
        }
        Set<String> twice = new HashSet<>();
        promptsByMember.forEach((member, ids) -> {
            if (ids.size() > 1) {
                twice.add(member);
            }
        });
        ceIdsByMember.forEach((member, ids) -> {
            if (ids.size() > 1) {
                twice.add(member);
            }
        });
        return new TopicPrompts(
                promptsByMember.size(),
                promptsByMember.values().stream().mapToLong(Set::size).sum(),
                records,
                twice.size());
    }

    /** Preferences saved through the API (every day, all day), to copy to the seeded members. */
    private String templateSettings(Connection db, String prefix) throws Exception {
        String member = prefix + "-template";
        String token = suite.minter().token(member, "fault-employer", List.of("member"), Duration.ofMinutes(10));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(suite.url("reminder-service") + "/api/v1/me/reminder-preferences"))
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

    /**
     * Open-loop POSTs at the configured rate, each retried with its Idempotency-Key until
     * acknowledged or 30 s have passed; remembers the keys the API acknowledged.
     */
    private final class SessionLoad {
        final String prefix;
        final Exercise exercise;
        final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong acknowledgedAfterRetry = new AtomicLong();
        final List<Long> ackTimes = java.util.Collections.synchronizedList(new ArrayList<>());
        /** How long a request waited for an answer that was not a 2xx (no answer included). */
        final Recorder failedAnswers = new Recorder(Duration.ofSeconds(60).toNanos() / 1000, 3);
        /** The same, only for requests sent while PostgreSQL was down. */
        final Recorder outageAnswers = new Recorder(Duration.ofSeconds(60).toNanos() / 1000, 3);

        final Map<Integer, AtomicLong> outageStatuses = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> members = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        volatile long outageFrom = Long.MAX_VALUE;
        volatile long outageUntil = Long.MAX_VALUE;

        SessionLoad(String prefix, Exercise exercise) throws Exception {
            this.prefix = prefix;
            this.exercise = exercise;
            TokenMinter minter = suite.minter();
            for (int i = 0; i < 50; i++) {
                String member = prefix + "-" + i;
                members.add(member);
                tokens.add(minter.token(member, "fault-employer", List.of("member"), Duration.ofHours(2)));
            }
        }

        void outageFrom(long nanos) {
            outageFrom = nanos;
        }

        void outageUntil(long nanos) {
            outageUntil = nanos;
        }

        void run() {
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            List<Thread> inFlight = new ArrayList<>();
            while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                next += period;
                Thread t = new Thread(this::postOne, "fault-post");
                t.start();
                inFlight.add(t);
                inFlight.removeIf(x -> !x.isAlive());
            }
            for (Thread t : inFlight) {
                try {
                    t.join(RETRY_FOR.toMillis() + 35_000);
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
                            suite.url("session-service") + "/api/v1/members/" + members.get(i) + "/sessions", body)
                    .header("Authorization", "Bearer " + tokens.get(i))
                    .header("Idempotency-Key", key)
                    .header("Connection", "close");
            sent.incrementAndGet();
            long giveUp = System.nanoTime() + RETRY_FOR.toNanos();
            for (int attempt = 0; ; attempt++) {
                long start = System.nanoTime();
                String[] retryAfter = new String[1];
                int status = send(request, retryAfter);
                long now = System.nanoTime();
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                boolean duringOutage = start >= outageFrom && start < outageUntil;
                if (duringOutage) {
                    outageStatuses
                            .computeIfAbsent(status, s -> new AtomicLong())
                            .incrementAndGet();
                }
                if (status == 201 || status == 200) {
                    acknowledged.put(key, true);
                    ackTimes.add(now);
                    if (attempt > 0) {
                        acknowledgedAfterRetry.incrementAndGet();
                    }
                    return;
                }
                long micros =
                        Math.min((now - start) / 1000, Duration.ofSeconds(60).toNanos() / 1000);
                failedAnswers.recordValue(micros);
                if (duringOutage) {
                    outageAnswers.recordValue(micros);
                }
                boolean retryable = status == 0 || status == 429 || status >= 500;
                if (!retryable || now > giveUp) {
                    return;
                }
                retried.incrementAndGet();
                LockSupport.parkNanos(retryDelay(retryAfter[0]).toNanos());
            }
        }

        Duration retryDelay(String retryAfter) {
            try {
                if (retryAfter != null) {
                    return Duration.ofSeconds(Math.min(10, Math.max(0, Long.parseLong(retryAfter.trim()))));
                }
            } catch (NumberFormatException httpDate) {
                // a date: fall back to the default
            }
            return Duration.ofSeconds(1);
        }

        int send(Request request, String[] retryAfter) {
            try (HttpConnection connection = new HttpConnection(request.uri())) {
                int status = connection.send(request.encode());
                retryAfter[0] = connection.retryAfter();
                return status;
            } catch (Exception e) {
                return 0; // no answer: refused, reset or timed out
            }
        }

        /** Nanotime of the first acknowledgement of a request sent after {@code nanos}, or -1. */
        long firstAcknowledgedAfter(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (ackTimes) {
                    long first = ackTimes.stream()
                            .filter(t -> t > nanos)
                            .min(Long::compare)
                            .orElse(-1L);
                    if (first > 0) {
                        return first;
                    }
                }
                Thread.sleep(100);
            }
            return -1;
        }

        void printAnswers() {
            System.out.printf(
                    "  answers by status (0 = none): %s; %,d retries, %,d acknowledged only after a retry%n",
                    new TreeMap<>(statuses), retried.get(), acknowledgedAfterRetry.get());
            Histogram failed = failedAnswers.getIntervalHistogram();
            if (failed.getTotalCount() > 0) {
                System.out.printf(
                        "  time to a non-2xx answer: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%,d answers)%n",
                        failed.getValueAtPercentile(50) / 1000.0,
                        failed.getValueAtPercentile(99) / 1000.0,
                        failed.getMaxValue() / 1000.0,
                        failed.getTotalCount());
            }
            if (outageFrom != Long.MAX_VALUE) {
                Histogram during = outageAnswers.getIntervalHistogram();
                System.out.printf(
                        "  sent while PostgreSQL was down: answers by status %s; time to a non-2xx answer p50 %.0f ms,"
                                + " p99 %.0f ms, max %.0f ms%n",
                        new TreeMap<>(outageStatuses),
                        during.getValueAtPercentile(50) / 1000.0,
                        during.getValueAtPercentile(99) / 1000.0,
                        during.getMaxValue() / 1000.0);
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
        try (Connection db = suite.connect("sessions");
                PreparedStatement select = db.prepareStatement("""
                        SELECT i.idempotency_key, s.id::text FROM exercise_session s
                        LEFT JOIN idempotency_record i
                          ON i.member_id = s.member_id AND i.operation = 'recordSession' AND i.resource_id = s.id
                        WHERE s.member_id LIKE ?""")) {
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
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.broker().bootstrapServers());
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
            try (Connection db = suite.connect(database);
                    PreparedStatement s =
                            db.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            } catch (SQLException notYet) {
                // PostgreSQL still starting
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
                    HttpRequest.newBuilder(
                                    URI.create(suite.url("content-service") + "/api/v1/exercises/open-book-rotation"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode exercise = JSON.readTree(response.body());
                return new Exercise(
                        exercise.path("id").asText(), exercise.path("revision").asInt());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("content-service never served its seed catalog");
    }
}
