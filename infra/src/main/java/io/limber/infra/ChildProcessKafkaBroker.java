package io.limber.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run in a
 * child JVM from the jars on Maven Central.
 *
 * <p>A child JVM keeps the broker's classes (Scala, log4j) off the class path of the services and
 * their tests, and lets a fault test kill the broker like a real one.
 */
final class ChildProcessKafkaBroker implements KafkaServer {

    private static final String CLASSPATH_RESOURCE = "io/limber/kafka/broker-classpath.txt";

    private final Process process;
    private final int port;
    private final Path directory;
    /**
     * A kept broker (./limber, benchmarks) gets the collector and compiler made for throughput. A
     * throw-away one lives for one test JVM and carries a few thousand records: the client
     * compiler and a serial collector spare the two cores the tests share with it, where C2
     * compiling a broker that is gone in minutes buys nothing.
     */
    private static final List<String> KEPT_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC");

    private static final List<String> THROW_AWAY_JVM = List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            // The client compiler alone reserves 48 MB, too little for some JVMs to
            // finish their work; the tiered default stays.
            "-XX:ReservedCodeCacheSize=240m");

    private final boolean temporary;

    private ChildProcessKafkaBroker(Process process, int port, Path directory, boolean temporary) {
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.temporary = temporary;
    }

    /**
     * @param directory where the broker keeps its log and settings, or null for a throw-away one
     * @param port the client port, 0 for any free one
     */
    static ChildProcessKafkaBroker start(Path directory, int port) {
        if (port > 0 && Ports.inUse(port)) {
            throw new InfrastructureException("Port " + port + " is already in use, so Kafka cannot listen there."
                    + " Stop what holds it, or choose another port with LIMBER_KAFKA_PORT.");
        }
        boolean temporary = directory == null;
        try {
            Path dir = temporary ? Files.createTempDirectory("limber-kafka") : directory;
            Files.createDirectories(dir);
            int clientPort = port > 0 ? port : Ports.free();
            int controllerPort = Ports.free();
            writeConfig(dir.resolve("server.properties"), dir.resolve("data"), clientPort, controllerPort);
            return launch(dir, clientPort, temporary);
        } catch (IOException e) {
            throw new InfrastructureException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the broker of a folder prepared by {@link #start}, with its settings and data: after
     * a crash, it recovers its log and listens on the same ports again.
     */
    static ChildProcessKafkaBroker launch(Path dir, int clientPort, boolean temporary) throws IOException {
        Path logDir = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        String clusterId = clusterId(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(temporary ? THROW_AWAY_JVM : KEPT_JVM);
        command.addAll(List.of(
                "-Dlog4j2.configurationFile=io/limber/kafka/log4j2.properties",
                "-cp",
                brokerClasspath(),
                "io.limber.kafka.BrokerMain",
                config.toString(),
                clusterId,
                logDir.toString()));
        Path log = dir.resolve("broker.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildProcessKafkaBroker broker = new ChildProcessKafkaBroker(process, clientPort, dir, temporary);
        broker.awaitReady(Duration.ofSeconds(90), log);
        return broker;
    }

    private static void writeConfig(Path file, Path logDir, int clientPort, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Contract topics are created with their settings; test and dead-letter topics may appear on use.
        p.setProperty("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Written by the Limber local infrastructure on every start");
        }
    }

    /** Kept beside the data so a restarted broker recognises its own log directory. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static String brokerClasspath() {
        URL listing = ChildProcessKafkaBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (listing == null) {
            throw new InfrastructureException("The Kafka broker runtime is missing (" + CLASSPATH_RESOURCE
                    + " not found); build it with ./mvnw install -pl kafka-runtime");
        }
        try (InputStream in = listing.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return jarOf(listing) + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar (or classes folder) that holds the resource, so the child can load BrokerMain. */
    private static String jarOf(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                String file = url.substring(4, url.indexOf("!/"));
                return Path.of(new java.net.URI(file)).toString();
            }
            Path path = Path.of(resource.toURI());
            for (int i = 0; i < CLASSPATH_RESOURCE.split("/").length; i++) {
                path = path.getParent();
            }
            return path.toString();
        } catch (URISyntaxException e) {
            throw new InfrastructureException("Cannot locate the Kafka broker runtime from " + url, e);
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new InfrastructureException("The Kafka broker exited during start-up (exit " + process.exitValue()
                        + "). Last lines of " + log + ":\n" + tail(log, 15));
            }
            if (Ports.answers("127.0.0.1", port)) {
                try (Admin admin = Admin.create(props)) {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // The listener may be up before the controller has elected itself.
                }
            }
            sleep(200);
        }
        close();
        throw new InfrastructureException("The Kafka broker did not become ready within " + timeout.toSeconds()
                + " s. Last lines of " + log + ":\n" + tail(log, 15));
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while waiting for Kafka");
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public java.util.Optional<Path> directory() {
        return java.util.Optional.of(directory);
    }

    @Override
    public String description() {
        return "Kafka " + "(KRaft) on " + bootstrapServers() + " (embedded"
                + (temporary ? ", temporary" : ", data in " + directory) + ")";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                // Closing the child's stdin asks BrokerMain to shut the broker down cleanly.
                process.getOutputStream().close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (temporary) {
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }
}
