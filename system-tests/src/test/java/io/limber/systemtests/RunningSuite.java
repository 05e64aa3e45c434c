package io.limber.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.limber.infra.Infrastructure;
import io.limber.infra.Ports;
import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;
import io.limber.infra.launcher.PackagedService;

import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL, Kafka and the three packaged services as separate JVMs on free ports, started the
 * way {@code ./limber} starts them, with a key pair made for this run. Closing it stops every
 * process it started; a JVM shutdown hook does the same if the test JVM is stopped first.
 */
final class RunningSuite implements AutoCloseable {

    /** The launcher's defaults, plus C1 only: faster start-up on two cores for a short run. */
    static final String JAVA_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final List<PackagedService> started = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "system-tests-stop");

    private Infrastructure infra;
    private TokenMinter minter;
    private PackagedService content;
    private PackagedService sessions;
    private PackagedService reminders;

    private RunningSuite() {}

    static RunningSuite start() {
        RunningSuite suite = new RunningSuite();
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        Path home = Path.of(System.getProperty("limber.suite.home", "target/suite"))
                .toAbsolutePath()
                .normalize();
        prepareHome(home);

        long start = System.nanoTime();
        infra = Infrastructure.start(Infrastructure.Settings.throwAway());
        System.out.printf("[system-tests] %s (%.1f s)%n", infra.description(), seconds(start));

        KeyPairFiles keys = KeyPairFiles.in(home.resolve("keys")).ensureExists();
        minter = new TokenMinter(keys.loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE);

        // Databases of their own, so a run against a shared PostgreSQL (LIMBER_POSTGRES_URL) starts clean.
        String run = "st_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        content = startService(home, "content-service", run + "content", keys, Map.of());
        sessions = startService(home, "session-service", run + "sessions", keys, Map.of());
        // A prompt is due at least one interval (a minute) after a change; a short poll keeps it on time.
        reminders = startService(
                home,
                "reminder-service",
                run + "reminders",
                keys,
                Map.of("LIMBER_REMINDERS_DISPATCH_POLL_INTERVAL", "200ms"));

        List<PackagedService> all = List.of(content, sessions, reminders);
        await("all three services ready")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    for (PackagedService service : all) {
                        if (!service.alive()) {
                            throw new IllegalStateException(service.name() + " stopped during start-up (exit "
                                    + service.exitCode() + "). Last lines:\n  "
                                    + String.join("\n  ", service.lastLines()) + "\nFull log: " + service.log());
                        }
                    }
                    return all.stream().allMatch(PackagedService::ready);
                });
        System.out.printf(
                "[system-tests] content %s, session %s, reminder %s ready (%.1f s after start); logs in %s%n",
                content.url(), sessions.url(), reminders.url(), seconds(start), home.resolve(".limber/logs"));
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /**
     * The launcher finds a service's jar under {@code home/<name>/} and writes its log under
     * {@code home/.limber/logs/}: links to the modules keep the logs of this run in target/.
     */
    static void prepareHome(Path home) {
        Path root = Path.of(System.getProperty("limber.root", ".."))
                .toAbsolutePath()
                .normalize();
        try {
            Files.createDirectories(home.resolve(".limber/logs"));
            for (String name : List.of("content-service", "session-service", "reminder-service")) {
                Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar
                            + " is missing: package the services first (./mvnw verify builds them before this module)");
                }
                Path link = home.resolve(name);
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, root.resolve(name));
                Files.deleteIfExists(home.resolve(".limber/logs/" + name + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + home, e);
        }
    }

    private PackagedService startService(
            Path home, String name, String database, KeyPairFiles keys, Map<String, String> extra) {
        infra.postgres().createDatabase(database);
        PackagedService service = startPackaged(home, name, serviceEnv(infra, database, keys, extra));
        started.add(service);
        return service;
    }

    /** What the launcher hands a service: its own port and database, the broker, the key that verifies tokens. */
    static Map<String, String> serviceEnv(
            Infrastructure infra, String database, KeyPairFiles keys, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(Ports.free()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.postgres().username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgres().password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("LIMBER_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toUri().toString());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(extra);
        return env;
    }

    static PackagedService startPackaged(Path home, String name, Map<String, String> env) {
        try {
            return PackagedService.start(name, Integer.parseInt(env.get("QUARKUS_HTTP_PORT")), home, JAVA_OPTIONS, env);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    String contentUrl() {
        return content.url();
    }

    String sessionUrl() {
        return sessions.url();
    }

    String reminderUrl() {
        return reminders.url();
    }

    String kafkaBootstrapServers() {
        return infra.kafka().bootstrapServers();
    }

    String token(String subject, String employerId, String role) {
        return minter.token(subject, employerId, List.of(role), Duration.ofHours(1));
    }

    /** Where each service's output went, for a failing test's message. */
    String logs() {
        List<String> logs = new ArrayList<>();
        for (PackagedService s : new PackagedService[] {content, sessions, reminders}) {
            if (s != null) {
                logs.add(s.log().toString());
            }
        }
        return String.join(", ", logs);
    }

    /** The services first, side by side (they hold connections to the servers), then Kafka and PostgreSQL. */
    @Override
    public synchronized void close() {
        started.parallelStream().forEach(PackagedService::close);
        started.clear();
        if (infra != null) {
            try {
                infra.close();
            } catch (RuntimeException e) {
                System.err.println("[system-tests] PostgreSQL or Kafka did not stop cleanly: " + e);
            }
            infra = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself.
        }
    }
}
