package io.limber.infra.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service running as a child JVM, its output copied to the console (prefixed) and a log file. */
final class ServiceProcess {

    private static final String RESET = "\u001b[0m";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static ServiceProcess start(
            ServiceSpec spec,
            Path home,
            String javaOptions,
            Map<String, String> env,
            PrintStream console,
            boolean color)
            throws IOException {
        Path log = home.resolve(".limber/logs/" + spec.name() + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(
                List.of("-XX:+ExitOnOutOfMemoryError", "-jar", spec.jar(home).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(spec, builder.start());
        service.pipeOutput(log, console, color);
        return service;
    }

    private void pipeOutput(Path log, PrintStream console, boolean color) throws IOException {
        String prefix = color
                ? spec.color() + String.format("%-16s|", spec.name()) + RESET + " "
                : String.format("%-16s| ", spec.name());
        PrintWriter file = new PrintWriter(
                Files.newBufferedWriter(
                        log,
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND),
                true);
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            file.println(line);
                            console.println(prefix + line);
                            synchronized (lastLines) {
                                lastLines.addLast(line);
                                if (lastLines.size() > 20) {
                                    lastLines.removeFirst();
                                }
                            }
                        }
                    } catch (IOException ignored) {
                        // The process is gone.
                    } finally {
                        file.close();
                    }
                },
                spec.name() + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    ServiceSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    boolean ready() {
        return ready(spec.port());
    }

    static boolean ready(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, so Quarkus shuts down gracefully; SIGKILL if it has not after the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
