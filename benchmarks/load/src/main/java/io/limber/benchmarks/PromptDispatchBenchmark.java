package io.limber.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;

/**
 * N prompts due at once, dispatched to Kafka by reminder-service (one and two instances) and, side
 * by side on the same PostgreSQL and broker, by db-scheduler doing the same work: a one-time task
 * per prompt that publishes it to Kafka. Times from the moment the rows become due (one commit)
 * to the last member's first prompt on the topic.
 *
 * <p>Target (issue 18): reminder-service dispatches at least 3x as fast as db-scheduler, with each
 * instance count (a set-based batch should cost far less per prompt than a task per prompt), every
 * prompt exactly once.
 */
final class PromptDispatchBenchmark {

    private static final String PROMPTS_TOPIC = "limber.prompts.v1";

    private final int prompts;
    private final List<Integer> instanceCounts = new ArrayList<>();
    private final String kafka;
    private final String pgHost;
    private final String pgUser;
    private final String pgPassword;
    private final Path keys;
    private final Path reminderJar;
    private final Path benchmarkJar;
    private final String javaOpts;
    private final int schedulerThreads;
    private final Duration timeout;
    private final Map<String, String> reminderOverrides = new HashMap<>();
    private final Path logs = Path.of(".limber", "benchmarks");

    PromptDispatchBenchmark(Options o) {
        prompts = o.getInt("prompts", 100_000);
        for (String n : o.get("instances", "1,2").split(",")) {
            instanceCounts.add(Integer.parseInt(n.trim()));
        }
        kafka = o.get("kafka", "127.0.0.1:9092");
        pgHost = o.get("pg-host", "127.0.0.1:5432");
        pgUser = o.get("pg-user", "postgres");
        pgPassword = o.get("pg-password", "postgres");
        keys = Path.of(o.get("keys", ".limber/keys")).toAbsolutePath();
        reminderJar = Path.of(o.get("reminder-jar", "reminder-service/target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        benchmarkJar = Path.of(o.get("benchmark-jar", "benchmarks/load/target/limber-benchmarks.jar"))
                .toAbsolutePath();
        // The same frugal JVM as ./limber gives each service, for both contenders.
        javaOpts = o.get("java-opts", "-Xms64m -Xmx384m -XX:+UseSerialGC");
        schedulerThreads = o.getInt("scheduler-threads", 20);
        timeout = o.seconds("timeout", 600);
        // e.g. --reminder-env LIMBER_REMINDERS_DISPATCH_BATCH_SIZE=500,LIMBER_OUTBOX_BATCH_SIZE=1000
        for (String pair : o.get("reminder-env", "").split(",")) {
            if (pair.contains("=")) {
                reminderOverrides.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
    }

    boolean run() throws Exception {
        System.out.printf(
                "Dispatching %,d prompts due at once; PostgreSQL %s, Kafka %s, JVM options '%s'%n",
                prompts, pgHost, kafka, javaOpts);
        List<Check> checks = new ArrayList<>();
        List<String> table = new ArrayList<>();
        for (int instances : instanceCounts) {
            Result limber = limber(instances);
            Result dbScheduler = dbScheduler(instances);
            table.add(limber.row());
            table.add(dbScheduler.row());
            checks.add(new Check(
                    "%d instance(s): reminder-service dispatched all %,d exactly once".formatted(instances, prompts),
                    limber.complete() && limber.duplicates() == 0));
            double ratio = limber.perSecond() / dbScheduler.perSecond();
            checks.add(new Check(
                    "%d instance(s): reminder-service at least 3x db-scheduler (%.2fx: %,.0f prompts/s vs %,.0f/s)"
                            .formatted(instances, ratio, limber.perSecond(), dbScheduler.perSecond()),
                    limber.complete() && ratio >= 3,
                    new Check.Figure(
                            instances + " instance(s): reminder-service / db-scheduler", ratio, "x yardstick")));
        }
        System.out.println();
        System.out.printf(
                "%-18s %9s %9s %12s %11s %10s%n",
                "contender", "instances", "prompts", "seconds", "prompts/s", "duplicates");
        table.forEach(System.out::println);
        return Check.report("prompt dispatch", checks);
    }

    record Result(String contender, int instances, int delivered, int expected, double seconds, long duplicates) {

        boolean complete() {
            return delivered == expected;
        }

        double perSecond() {
            return delivered / seconds;
        }

        String row() {
            return "%-18s %9d %9d %12.2f %11.0f %10d%s"
                    .formatted(
                            contender,
                            instances,
                            delivered,
                            seconds,
                            perSecond(),
                            duplicates,
                            complete() ? "" : "  (INCOMPLETE: timed out)");
        }
    }

    // ---- reminder-service

    private Result limber(int instances) throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String database = "bench_reminders";
        recreateDatabase(database);
        List<ChildJvm> replicas = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 1; i <= instances; i++) {
                int port = ChildJvm.freePort();
                ports.add(port);
                replicas.add(ChildJvm.start(
                        "reminder-" + i,
                        javaOpts,
                        List.of("-jar", reminderJar.toString()),
                        reminderEnv(port, database, run),
                        logs));
            }
            for (int i = 0; i < instances; i++) {
                replicas.get(i)
                        .awaitHttp("http://127.0.0.1:" + ports.get(i) + "/q/health/ready", Duration.ofSeconds(120));
            }
            try (Connection db = connect(database)) {
                awaitCatalog(db);
                String settings = templateSettings(db, ports.get(0), run);
                seedReminders(db, run, settings);
                try (TopicCounter counter = new TopicCounter(kafka, PROMPTS_TOPIC, run + "-m", false)) {
                    System.out.printf(
                            "reminder-service x%d: %,d schedules seeded, making them due ...%n", instances, prompts);
                    long start = makeDue(
                            db, "UPDATE prompt_schedule SET next_due_at = now() WHERE member_id LIKE ?", run + "-m%");
                    return await("reminder-service", instances, counter, start);
                }
            }
        } finally {
            for (ChildJvm replica : replicas) {
                replica.close();
            }
            dropDatabase(database);
        }
    }

    private Map<String, String> reminderEnv(int port, String database, String run) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pgHost + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", pgUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", pgPassword);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("LIMBER_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.resolve("jwt-public.pem"));
        // Its own consumer group: the catalog read model is built from the whole compacted topic,
        // and the running suite's session events are not replayed into the benchmark's schedules.
        env.put("MP_MESSAGING_INCOMING_CATALOG_GROUP_ID", run);
        env.put("MP_MESSAGING_INCOMING_SESSIONS_GROUP_ID", run);
        env.put("MP_MESSAGING_INCOMING_SESSIONS_AUTO_OFFSET_RESET", "latest");
        env.putAll(reminderOverrides);
        return env;
    }

    /** Suggestions come from the catalog read model; wait until it holds the desk-break exercises. */
    private static void awaitCatalog(Connection db) throws Exception {
        long last = -1;
        for (int i = 0; i < 60; i++) {
            long now = count(db, "SELECT count(*) FROM catalog_exercise WHERE desk_break");
            if (now > 0 && now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
        System.out.println(
                "  (the catalog read model stayed empty: prompts carry no suggestion; is content-service up?)");
    }

    /** One member's preferences saved through the API (every day, all day), copied to all. */
    private String templateSettings(Connection db, int port, String run) throws Exception {
        String member = run + "-template";
        String token = new TokenMinter(
                        KeyPairFiles.in(keys).loadPrivateKey(),
                        TokenMinter.DEFAULT_ISSUER,
                        TokenMinter.DEFAULT_AUDIENCE)
                .token(member, "bench-employer", List.of("member"), Duration.ofMinutes(10));
        String body = """
                {"timeZone":"UTC","workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                 "workingWindows":[{"start":"00:00","end":"24:00"}],"intervalMinutes":50,"dailyCap":100}""";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/v1/me/reminder-preferences"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Saving the template preferences failed: " + response.statusCode() + " " + response.body());
        }
        try (PreparedStatement select =
                        db.prepareStatement("SELECT settings::text FROM reminder_preferences WHERE member_id = ?");
                PreparedStatement delete = db.prepareStatement("DELETE FROM prompt_schedule WHERE member_id = ?")) {
            select.setString(1, member);
            delete.setString(1, member);
            delete.executeUpdate();
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void seedReminders(Connection db, String run, String settings) throws SQLException {
        try (PreparedStatement prefs = db.prepareStatement("""
                        INSERT INTO reminder_preferences (member_id, settings, updated_at)
                        SELECT ? || '-m' || g, ?::jsonb, now() FROM generate_series(1, ?) g""");
                PreparedStatement schedules = db.prepareStatement("""
                        INSERT INTO prompt_schedule (member_id, next_due_at, gentle, updated_at)
                        SELECT ? || '-m' || g, NULL, false, now() FROM generate_series(1, ?) g""");
                Statement analyze = db.createStatement()) {
            prefs.setString(1, run);
            prefs.setString(2, settings);
            prefs.setInt(3, prompts);
            prefs.executeUpdate();
            schedules.setString(1, run);
            schedules.setInt(2, prompts);
            schedules.executeUpdate();
            analyze.execute("VACUUM ANALYZE reminder_preferences");
            analyze.execute("VACUUM ANALYZE prompt_schedule");
        }
    }

    // ---- db-scheduler

    private Result dbScheduler(int instances) throws Exception {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String database = "bench_dbscheduler";
        String topic = "limber.bench.db-scheduler." + run;
        recreateDatabase(database);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            int partitions = admin.describeTopics(List.of(PROMPTS_TOPIC))
                    .allTopicNames()
                    .get()
                    .get(PROMPTS_TOPIC)
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get();
            List<ChildJvm> workers = new ArrayList<>();
            try (Connection db = connect(database)) {
                createSchedulerTable(db);
                seedTasks(db, run);
                for (int i = 1; i <= instances; i++) {
                    workers.add(ChildJvm.start(
                            "db-scheduler-" + i,
                            javaOpts,
                            List.of(
                                    "-cp",
                                    benchmarkJar.toString(),
                                    DbSchedulerWorker.class.getName(),
                                    "--jdbc",
                                    "jdbc:postgresql://" + pgHost + "/" + database,
                                    "--user",
                                    pgUser,
                                    "--password",
                                    pgPassword,
                                    "--kafka",
                                    kafka,
                                    "--topic",
                                    topic,
                                    "--threads",
                                    String.valueOf(schedulerThreads)),
                            Map.of(),
                            logs));
                }
                for (ChildJvm worker : workers) {
                    worker.awaitLog("db-scheduler worker ready", Duration.ofSeconds(60));
                }
                try (TopicCounter counter = new TopicCounter(kafka, topic, run + "-m", true)) {
                    System.out.printf(
                            "db-scheduler x%d (%d threads each): %,d one-time tasks seeded, making them due ...%n",
                            instances, schedulerThreads, prompts);
                    long start = makeDue(
                            db,
                            "UPDATE scheduled_tasks SET execution_time = now() WHERE task_instance LIKE ?",
                            run + "-m%");
                    return await("db-scheduler", instances, counter, start);
                }
            } finally {
                for (ChildJvm worker : workers) {
                    worker.close();
                }
                admin.deleteTopics(List.of(topic)).all().get();
                dropDatabase(database);
            }
        }
    }

    /** db-scheduler's PostgreSQL table, as its documentation gives it. */
    private static void createSchedulerTable(Connection db) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("""
                    CREATE TABLE scheduled_tasks (
                        task_name text NOT NULL,
                        task_instance text NOT NULL,
                        task_data bytea,
                        execution_time timestamp with time zone NOT NULL,
                        picked boolean NOT NULL,
                        picked_by text,
                        last_success timestamp with time zone,
                        last_failure timestamp with time zone,
                        consecutive_failures int,
                        last_heartbeat timestamp with time zone,
                        version bigint NOT NULL,
                        priority smallint,
                        PRIMARY KEY (task_name, task_instance))""");
            ddl.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
            ddl.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
            ddl.execute(
                    "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
        }
    }

    private void seedTasks(Connection db, String run) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        SELECT 'prompt', ? || '-m' || g, now() + interval '1 day', false, 1
                        FROM generate_series(1, ?) g""");
                Statement analyze = db.createStatement()) {
            insert.setString(1, run);
            insert.setInt(2, prompts);
            insert.executeUpdate();
            analyze.execute("VACUUM ANALYZE scheduled_tasks");
        }
    }

    // ---- shared

    /** @return when the rows became due: right after the one commit that makes them so */
    private static long makeDue(Connection db, String sql, String pattern) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, pattern);
            update.executeUpdate();
        }
        return System.nanoTime();
    }

    private Result await(String contender, int instances, TopicCounter counter, long start)
            throws InterruptedException {
        long deadline = start + timeout.toNanos();
        int lastSeen = 0;
        long lastProgress = System.nanoTime();
        while (counter.distinctKeys() < prompts && System.nanoTime() < deadline) {
            Thread.sleep(100);
            int seen = counter.distinctKeys();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
                break; // stalled: report what arrived
            }
        }
        Thread.sleep(2_000); // late duplicates, if any, arrive now
        int delivered = counter.distinctKeys();
        long end = delivered > 0 ? counter.lastNewKeyNanos() : System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf("  %s x%d: %,d of %,d in %.2f s%n", contender, instances, delivered, prompts, seconds);
        return new Result(contender, instances, delivered, prompts, seconds, counter.records() - delivered);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/" + database, pgUser, pgPassword);
    }

    private void recreateDatabase(String database) throws SQLException {
        dropDatabase(database);
        try (Connection admin = connect("postgres");
                Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE DATABASE " + database);
        }
    }

    private void dropDatabase(String database) throws SQLException {
        try (Connection admin = connect("postgres");
                Statement ddl = admin.createStatement()) {
            ddl.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
