package io.limber.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The PostgreSQL server and Kafka broker the suite runs against, chosen in this order for each:
 * an existing server named in the environment, Testcontainers when a Docker engine answers and
 * Testcontainers is on the class path, or a native process started here.
 * {@code LIMBER_INFRA=embedded|containers} forces a choice.
 *
 * <p>Testcontainers is an optional dependency (the {@code containers} Maven profile adds it to the
 * tests), so nothing that runs here touches a container class unless it is there.
 */
public record Infrastructure(PostgresServer postgres, KafkaServer kafka) implements AutoCloseable {

    public static final String POSTGRES_IMAGE = "postgres:17-alpine";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    /**
     * Where native processes keep their data; null members mean a throw-away setup.
     *
     * @param postgresPort 0 for any free port
     * @param kafkaPort 0 for any free port
     */
    public record Settings(Path postgresData, int postgresPort, Path postgresLog, Path kafkaData, int kafkaPort) {

        public static Settings throwAway() {
            return new Settings(null, 0, null, null, 0);
        }
    }

    public static Infrastructure start(Settings settings) {
        return start(settings, System.getenv());
    }

    static Infrastructure start(Settings settings, Map<String, String> env) {
        String mode = env.getOrDefault("LIMBER_INFRA", "auto");
        boolean containers = switch (mode) {
            case "containers" -> {
                if (!testcontainersPresent()) {
                    throw new InfrastructureException(
                            "LIMBER_INFRA=containers needs Testcontainers on the class"
                                    + " path: run the tests with -Pcontainers (on by itself where /var/run/docker.sock exists)");
                }
                yield true;
            }
            case "embedded" -> false;
            case "auto" -> testcontainersPresent() && dockerAnswers(env);
            default ->
                throw new InfrastructureException(
                        "LIMBER_INFRA must be auto, embedded or containers, not '" + mode + "'");
        };
        // The two start in parallel: each takes a few seconds on its own.
        CompletableFuture<PostgresServer> postgres =
                CompletableFuture.supplyAsync(() -> startPostgres(settings, env, containers));
        CompletableFuture<KafkaServer> kafka =
                CompletableFuture.supplyAsync(() -> startKafka(settings, env, containers));
        try {
            Infrastructure infrastructure = new Infrastructure(postgres.join(), kafka.join());
            ContractTopics.ensure(infrastructure.kafka().bootstrapServers());
            return infrastructure;
        } catch (CompletionException e) {
            postgres.thenAccept(PostgresServer::close);
            kafka.thenAccept(KafkaServer::close);
            if (e.getCause() instanceof InfrastructureException infra) {
                throw infra;
            }
            throw new InfrastructureException("The infrastructure did not start: " + e.getCause(), e.getCause());
        }
    }

    private static PostgresServer startPostgres(Settings settings, Map<String, String> env, boolean containers) {
        String url = env.get("LIMBER_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return ExternalPostgres.parse(
                    url,
                    env.getOrDefault("LIMBER_POSTGRES_USER", "postgres"),
                    env.getOrDefault("LIMBER_POSTGRES_PASSWORD", "postgres"));
        }
        if (containers) {
            try {
                return ContainerPostgres.start(POSTGRES_IMAGE);
            } catch (RuntimeException e) {
                // An engine that cannot pull images (an offline machine) is no reason to fail.
                System.err.println("[limber-infra] PostgreSQL container failed (" + e.getMessage()
                        + "); starting PostgreSQL natively instead");
            }
        }
        return EmbeddedPostgresServer.start(settings.postgresData(), settings.postgresPort(), settings.postgresLog());
    }

    private static KafkaServer startKafka(Settings settings, Map<String, String> env, boolean containers) {
        String bootstrap = env.get("LIMBER_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !bootstrap.isBlank()) {
            return new ExternalKafka(bootstrap);
        }
        if (containers) {
            try {
                return ContainerKafka.start(KAFKA_IMAGE);
            } catch (RuntimeException e) {
                System.err.println("[limber-infra] Kafka container failed (" + e.getMessage()
                        + "); starting Kafka natively instead");
            }
        }
        return ChildProcessKafkaBroker.start(settings.kafkaData(), settings.kafkaPort());
    }

    /** The modules, not the core: quarkus-test-kafka-companion brings the core to every service's tests. */
    private static boolean testcontainersPresent() {
        try {
            ClassLoader loader = Infrastructure.class.getClassLoader();
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false, loader);
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean dockerAnswers(Map<String, String> env) {
        boolean socket = java.nio.file.Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket && env.get("DOCKER_HOST") == null) {
            // Skip Testcontainers' own probing, which logs a page of errors when nothing is there.
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable() && registryResolves();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether the engine can plausibly pull images (Testcontainers pulls its own helper images too,
     * whatever is local). An engine on an offline machine answers but cannot pull, and
     * Testcontainers retries a pull for minutes before giving up: that would cost every test JVM
     * minutes before the native fallback.
     */
    private static boolean registryResolves() {
        try {
            java.net.InetAddress.getByName("registry-1.docker.io");
            return true;
        } catch (java.net.UnknownHostException offline) {
            System.err.println("[limber-infra] Docker answers but its registry does not resolve:"
                    + " starting PostgreSQL and Kafka natively (LIMBER_INFRA=containers forces containers)");
            return false;
        }
    }

    /** Servers started elsewhere in this JVM or on this machine, which closing this leaves running. */
    public static Infrastructure attach(
            String pgHost, int pgPort, String pgUser, String pgPassword, String kafkaBootstrapServers) {
        return new Infrastructure(
                new ExternalPostgres(pgHost, pgPort, pgUser, pgPassword), new ExternalKafka(kafkaBootstrapServers));
    }

    public String description() {
        return postgres.description() + "; " + kafka.description();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
