package io.limber.infra.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.limber.infra.Infrastructure;
import io.limber.infra.InfrastructureException;
import io.limber.infra.Ports;
import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;

/**
 * The local run: {@code ./limber up} starts PostgreSQL, Kafka and the three services, prints
 * where they answer, streams their logs and stops everything on Ctrl-C. See {@link #usage()}.
 */
public final class Launcher {

    private final Path home;
    private final Env env;
    private final PrintStream out = System.out;
    private volatile boolean stopping;

    private Launcher(Path home, Env env) {
        this.home = home;
        this.env = env;
    }

    public static void main(String[] args) {
        Path home =
                Path.of(System.getProperty("limber.home", ".")).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(home, Env.system());
        String command = args.length == 0 ? "up" : args[0];
        try {
            switch (command) {
                case "up" -> launcher.up(true);
                case "infra" -> launcher.up(false);
                case "down" -> launcher.down();
                case "status" -> launcher.status();
                case "token" -> launcher.token(List.of(args).subList(1, args.length));
                case "keys" -> launcher.keys();
                case "help", "-h", "--help" -> System.out.println(usage());
                default -> {
                    System.err.println("Unknown command '" + command + "'.\n" + usage());
                    System.exit(2);
                }
            }
        } catch (InfrastructureException e) {
            System.err.println("\nlimber: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return """
                usage: ./limber [command]
                  up       start PostgreSQL, Kafka and the three services (default); Ctrl-C stops all;
                           LIMBER_SERVICES=content-service,session-service starts only those
                  infra    start only PostgreSQL and Kafka (for quarkus:dev in each service)
                  down     stop a suite started from another terminal
                  status   what is running, whether it is ready, and its memory
                  token ROLE [SUBJECT [EMPLOYER]]
                           print a demo bearer token; ROLE is member, employer-admin,
                           clinician, content-editor, clinical-reviewer or ops
                  keys     create the JWT key pair in .limber/keys unless it exists""";
    }

    private void up(boolean withServices) {
        long started = Long.parseLong(env.get("LIMBER_STARTED_AT", String.valueOf(System.currentTimeMillis())));
        RunState.read(home).filter(RunState::launcherAlive).ifPresent(running -> {
            throw new InfrastructureException("Limber is already running (pid " + running.launcherPid()
                    + "). Stop it with ./limber down, or use it as it is.");
        });
        RunState.read(home).ifPresent(killed -> {
            out.println("The last ./limber (pid " + killed.launcherPid()
                    + ") did not stop cleanly; clearing what it left running ...");
            clearLeftovers(Optional.of(killed));
        });
        if (Files.exists(home.resolve(".limber/postgres/postmaster.pid"))) {
            // Killed before it wrote its run state.
            clearLeftovers(Optional.empty());
        }
        List<ServiceSpec> services = withServices ? ServiceSpec.selected(env) : List.of();
        preflight(services);

        Path state = home.resolve(".limber");
        int pgPort = env.port("LIMBER_POSTGRES_PORT", 5432);
        int kafkaPort = env.port("LIMBER_KAFKA_PORT", 9092);
        out.println("Starting PostgreSQL and Kafka (data in " + state + ") ...");
        Infrastructure infra = Infrastructure.start(new Infrastructure.Settings(
                state.resolve("postgres"),
                pgPort,
                state.resolve("logs/postgres.log"),
                state.resolve("kafka"),
                kafkaPort));
        List<ServiceProcess> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("\nStopping Limber ...");
                            running.parallelStream().forEach(s -> s.stop(Duration.ofSeconds(20)));
                            infra.close();
                            RunState.delete(home);
                            out.println("Stopped. Data is kept in " + state + " (delete it for a fresh start).");
                            stopped.countDown();
                        },
                        "limber-stop"));

        try {
            for (String database : List.of("content", "sessions", "reminders")) {
                infra.postgres().createDatabase(database);
            }
            KeyPairFiles keys = KeyPairFiles.in(state.resolve("keys")).ensureExists();
            for (ServiceSpec spec : services) {
                running.add(ServiceProcess.start(
                        spec,
                        home,
                        // Small and frugal by default; a benchmark may want another collector.
                        env.get("LIMBER_JAVA_OPTS", "-Xms64m -Xmx384m -XX:+UseSerialGC"),
                        serviceEnv(spec, infra, keys),
                        out,
                        System.console() != null));
            }
            new RunState(
                            ProcessHandle.current().pid(),
                            running.stream().map(ServiceProcess::pid).toList(),
                            infra.postgres().port(),
                            infra.kafka().bootstrapServers(),
                            infra.kafka().pid(),
                            services.stream().map(ServiceSpec::name).toList())
                    .write(home);
            awaitReady(running, Duration.ofSeconds(180));
            printSummary(infra, services, started);
            watch(running);
        } catch (IOException e) {
            throw new InfrastructureException("Could not start the services: " + e.getMessage(), e);
        }
        // Returning from main runs the shutdown hook; keep the JVM until Ctrl-C when all is well.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails before anything starts when a port is taken, naming the port and what wanted it. */
    private void preflight(List<ServiceSpec> services) {
        for (ServiceSpec spec : services) {
            if (!Files.exists(spec.jar(home))) {
                throw new InfrastructureException(spec.name() + " is not built (" + spec.jar(home)
                        + " is missing). Run ./limber, which builds it, or ./mvnw package -DskipTests.");
            }
            if (Ports.inUse(spec.port())) {
                throw new InfrastructureException("Port " + spec.port() + " (" + spec.name() + ") is already in use by"
                        + " another process. Stop that process, or choose another port with LIMBER_"
                        + spec.name().replace("-service", "").toUpperCase() + "_PORT.");
            }
        }
    }

    private Map<String, String> serviceEnv(ServiceSpec spec, Infrastructure infra, KeyPairFiles keys) {
        Map<String, String> vars = new HashMap<>();
        vars.put("QUARKUS_HTTP_PORT", String.valueOf(spec.port()));
        vars.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(spec.database()));
        vars.put("QUARKUS_DATASOURCE_USERNAME", infra.postgres().username());
        vars.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgres().password());
        vars.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        vars.put("LIMBER_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toUri().toString());
        // Readable lines on a terminal, even where the prod profile logs JSON.
        vars.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // The service stops when this launcher is gone, however it went (LauncherWatch in web).
        vars.put("LIMBER_LAUNCHER_PID", String.valueOf(ProcessHandle.current().pid()));
        return vars;
    }

    private void awaitReady(List<ServiceProcess> services, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new InfrastructureException(service.spec().name() + " stopped during start-up (exit "
                            + service.exitCode() + "). Its last lines:\n  "
                            + String.join("\n  ", service.lastLines()) + "\nFull log: .limber/logs/"
                            + service.spec().name() + ".log");
                }
                if (service.ready()) {
                    waiting.remove(service);
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new InfrastructureException("Not ready after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.spec().name()).toList() + ". See .limber/logs/.");
            }
            sleep(250);
        }
    }

    private void printSummary(Infrastructure infra, List<ServiceSpec> services, long started) {
        double seconds = (System.currentTimeMillis() - started) / 1000.0;
        StringBuilder s = new StringBuilder("\n");
        s.append(
                String.format("Limber is %s in %.1f s%n", services.isEmpty() ? "infrastructure up" : "ready", seconds));
        s.append(String.format("  %-18s %s%n", "PostgreSQL", infra.postgres().description()));
        s.append(String.format("  %-18s %s%n", "Kafka", infra.kafka().description()));
        for (ServiceSpec spec : services) {
            s.append(String.format(
                    "  %-18s %s/api/v1   docs %s/q/swagger-ui   health %s/q/health%n",
                    spec.name(), spec.url(), spec.url(), spec.url()));
        }
        if (!services.isEmpty()) {
            s.append("  Demo token:        TOKEN=$(./limber token member)   (roles: member, employer-admin,\n");
            s.append("                     clinician, content-editor, clinical-reviewer, ops)\n");
            s.append("  Try:               curl -s localhost:8081/api/v1/exercises\n");
        }
        s.append("Logs stream below and are kept in .limber/logs/. Ctrl-C stops everything.\n");
        out.println(s);
    }

    /** Reports a service that dies while the suite runs; the others keep going. */
    private void watch(List<ServiceProcess> services) {
        Thread watcher = new Thread(
                () -> {
                    List<ServiceProcess> alive = new ArrayList<>(services);
                    while (!alive.isEmpty()) {
                        for (ServiceProcess s : List.copyOf(alive)) {
                            if (!s.alive()) {
                                alive.remove(s);
                                if (stopping) {
                                    continue;
                                }
                                out.println("limber: " + s.spec().name() + " exited (" + s.exitCode()
                                        + "); see .limber/logs/" + s.spec().name() + ".log");
                            }
                        }
                        sleep(1000);
                    }
                },
                "limber-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void down() {
        var state = RunState.read(home);
        if (state.isEmpty() || !state.get().launcherAlive()) {
            out.println("Limber is not running.");
        } else {
            long pid = state.get().launcherPid();
            out.println("Stopping Limber (pid " + pid + ") ...");
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            ProcessHandle.of(pid)
                    .ifPresent(p -> p.onExit().orTimeout(90, TimeUnit.SECONDS).join());
        }
        clearLeftovers(state);
        out.println("Stopped.");
    }

    /**
     * What a launcher killed outright (SIGKILL) left behind. Its services and broker stop by
     * themselves once it is gone, which takes a few seconds; PostgreSQL does not, and would keep
     * the data directory and port from the next start.
     */
    private void clearLeftovers(Optional<RunState> state) {
        state.ifPresent(s -> {
            List<Long> pids = new ArrayList<>(s.childPids());
            pids.add(s.kafkaPid());
            for (long pid : pids) {
                // A pid is only ours if the process names this checkout (the pid may be reused).
                ProcessHandle.of(pid).filter(this::ours).ifPresent(p -> {
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (TimeoutException | ExecutionException e) {
                        p.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        p.destroyForcibly();
                    }
                });
            }
        });
        stopOrphanPostgres(home.resolve(".limber/postgres/postmaster.pid"));
        RunState.delete(home);
    }

    private boolean ours(ProcessHandle process) {
        return process.info()
                .commandLine()
                .filter(c -> c.contains(home.toString()))
                .isPresent();
    }

    private void stopOrphanPostgres(Path postmasterPid) {
        try {
            if (Files.exists(postmasterPid)) {
                long pid =
                        Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
                ProcessHandle.of(pid).filter(this::ours).ifPresent(p -> {
                    out.println("Stopping PostgreSQL left running (pid " + pid + ") ...");
                    try {
                        // SIGINT is PostgreSQL's fast shutdown: clean, without waiting for clients.
                        new ProcessBuilder("kill", "-INT", String.valueOf(pid))
                                .start()
                                .waitFor();
                        p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        p.destroyForcibly();
                    }
                });
            }
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException ignored) {
            // No usable pid file: nothing of ours is running.
        }
    }

    private void status() {
        var state = RunState.read(home).filter(RunState::launcherAlive);
        if (state.isEmpty()) {
            out.println("Limber is not running. Start it with ./limber");
            return;
        }
        RunState s = state.get();
        out.printf("Limber launcher pid %d%n", s.launcherPid());
        out.printf(
                "  %-18s %-8s %s%n",
                "PostgreSQL",
                Ports.answers("127.0.0.1", s.postgresPort()) ? "up" : "DOWN",
                "127.0.0.1:" + s.postgresPort() + "  rss " + Memory.postgresRssMb(home) + " MB");
        String[] kafka = s.kafka().split(":");
        out.printf(
                "  %-18s %-8s %s%n",
                "Kafka",
                Ports.answers(kafka[0], Integer.parseInt(kafka[1])) ? "up" : "DOWN",
                s.kafka() + "  rss " + Memory.rssMb(s.kafkaPid()) + " MB");
        List<ServiceSpec> specs = ServiceSpec.all(env);
        for (int i = 0; i < s.services().size() && i < s.childPids().size(); i++) {
            String name = s.services().get(i);
            ServiceSpec spec = specs.stream()
                    .filter(candidate -> candidate.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (spec == null) {
                continue;
            }
            long pid = s.childPids().get(i);
            out.printf(
                    "  %-18s %-8s %s  pid %d  rss %d MB%n",
                    spec.name(),
                    ServiceProcess.ready(spec.port()) ? "ready" : "NOT READY",
                    spec.url(),
                    pid,
                    Memory.rssMb(pid));
        }
    }

    private void keys() {
        KeyPairFiles keys = KeyPairFiles.in(home.resolve(".limber/keys")).ensureExists();
        out.println("JWT public key: " + keys.publicKey());
    }

    private void token(List<String> args) {
        if (args.isEmpty()) {
            throw new InfrastructureException("Name a role: ./limber token member|employer-admin|clinician|"
                    + "content-editor|clinical-reviewer|ops [SUBJECT [EMPLOYER]]");
        }
        String role = args.get(0);
        String subject = args.size() > 1
                ? args.get(1)
                : switch (role) {
                    case "member" -> "member-demo-1";
                    case "employer-admin" -> "admin-demo-1";
                    case "clinician" -> "clinician-demo-1";
                    case "content-editor" -> "editor-demo-1";
                    case "clinical-reviewer" -> "reviewer-demo-1";
                    case "ops" -> "ops-demo-1";
                    default ->
                        throw new InfrastructureException("Unknown role '" + role + "': member, employer-admin,"
                                + " clinician, content-editor, clinical-reviewer or ops");
                };
        String employer = args.size() > 2
                ? args.get(2)
                : (List.of("member", "employer-admin", "clinician").contains(role) ? "acme" : null);
        KeyPairFiles keys = KeyPairFiles.in(home.resolve(".limber/keys")).ensureExists();
        TokenMinter minter = new TokenMinter(
                keys.loadPrivateKey(),
                env.get("LIMBER_JWT_ISSUER", TokenMinter.DEFAULT_ISSUER),
                env.get("LIMBER_JWT_AUDIENCE", TokenMinter.DEFAULT_AUDIENCE));
        out.println(minter.token(subject, employer, List.of(role), Duration.ofHours(12)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
