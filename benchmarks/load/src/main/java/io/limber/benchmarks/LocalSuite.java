package io.limber.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.limber.infra.BrokerProcess;
import io.limber.infra.Infrastructure;
import io.limber.infra.KafkaServer;
import io.limber.infra.Ports;
import io.limber.infra.PostgresServer;
import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;

/**
 * The whole suite started by a benchmark on this machine, so it can be crashed and measured: its
 * own PostgreSQL (kept data directory, so it survives an immediate stop), a KRaft broker and the
 * three packaged services as child JVMs on free ports. A second instance of a service is named with
 * a suffix, e.g. {@code reminder-service-2}, and shares the first one's database.
 */
final class LocalSuite implements AutoCloseable {

    static final List<String> SERVICES = List.of("content-service", "session-service", "reminder-service");

    private final Path root = Path.of("").toAbsolutePath();
    private final Path logs;
    private final String javaOpts;
    private final Infrastructure infra;
    private final int kafkaPort;
    private final Path keys;
    private PostgresServer postgres;
    private KafkaServer broker;
    private final Map<String, ChildJvm> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> envs = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    private LocalSuite(Path logs, String javaOpts, Infrastructure infra, int kafkaPort, Path keys) {
        this.logs = logs;
        this.javaOpts = javaOpts;
        this.infra = infra;
        this.kafkaPort = kafkaPort;
        this.keys = keys;
        this.postgres = infra.postgres();
        this.broker = infra.kafka();
    }

    /** Starts PostgreSQL, the broker and the three services, and returns once all are ready. */
    static LocalSuite start(Path logs, String javaOpts) throws Exception {
        Files.createDirectories(logs);
        Path data = Files.createTempDirectory("limber-suite");
        int kafkaPort = Ports.free();
        Infrastructure infra = Infrastructure.start(new Infrastructure.Settings(
                data.resolve("postgres"), 0, logs.resolve("postgres.log"), data.resolve("kafka"), kafkaPort));
        Path keys = data.resolve("keys");
        KeyPairFiles.in(keys).ensureExists();
        LocalSuite suite = new LocalSuite(logs, javaOpts, infra, kafkaPort, keys);
        try {
            for (String service : SERVICES) {
                suite.postgres.createDatabase(databaseOf(service));
                suite.startService(service);
            }
            for (String service : SERVICES) {
                suite.awaitReady(service, Duration.ofSeconds(180));
            }
            return suite;
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    void startService(String name) throws Exception {
        String module = moduleOf(name);
        Map<String, String> env = envs.computeIfAbsent(name, n -> {
            int port = Ports.free();
            ports.put(n, port);
            Map<String, String> e = new HashMap<>();
            e.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            e.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(databaseOf(module)));
            e.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            e.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            e.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            e.put(
                    "LIMBER_JWT_PUBLIC_KEY_LOCATION",
                    keys.resolve("jwt-public.pem").toUri().toString());
            e.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            return e;
        });
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        services.put(name, ChildJvm.start(name, javaOpts, List.of("-jar", jar.toString()), env, logs));
    }

    void awaitReady(String name, Duration timeout) throws Exception {
        services.get(name).awaitHttp(url(name) + "/q/health/ready", timeout);
    }

    /** Whether the service answers ready now. */
    boolean ready(String name) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url(name) + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    ChildJvm service(String name) {
        return services.get(name);
    }

    Map<String, ChildJvm> services() {
        return services;
    }

    /** Stops one instance for good (for a second replica the scenario is done with). */
    void stopService(String name) throws InterruptedException {
        ChildJvm jvm = services.remove(name);
        if (jvm != null) {
            jvm.close();
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    KafkaServer broker() {
        return broker;
    }

    PostgresServer postgres() {
        return postgres;
    }

    void killBroker() {
        BrokerProcess.kill(broker.pid());
    }

    void restartBroker() {
        broker = BrokerProcess.restart(broker.directory().orElseThrow(), kafkaPort);
    }

    void stopPostgresImmediately() {
        postgres.stopImmediately();
    }

    void restartPostgres() {
        postgres = postgres.restart();
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    TokenMinter minter() throws Exception {
        return new TokenMinter(
                KeyPairFiles.in(keys).loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE);
    }

    String description() {
        return postgres.description() + "; " + broker.description();
    }

    /** content-service for content-service-2. */
    static String moduleOf(String service) {
        return service.replaceFirst("-\\d+$", "");
    }

    static String databaseOf(String service) {
        return switch (moduleOf(service)) {
            case "content-service" -> "content";
            case "session-service" -> "sessions";
            case "reminder-service" -> "reminders";
            default -> throw new IllegalArgumentException("Unknown service " + service);
        };
    }

    @Override
    public void close() throws Exception {
        for (ChildJvm service : services.values()) {
            service.close();
        }
        try {
            broker.close();
        } finally {
            try {
                postgres.close();
            } finally {
                infra.close(); // the first broker and server, when they were replaced by restarts
            }
        }
    }
}
