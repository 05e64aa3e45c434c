package io.limber.infra.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One packaged service ({@code <name>/target/quarkus-app/quarkus-run.jar} under {@code home}) run
 * exactly as {@code ./limber} runs it, by the launcher's own {@link ServiceProcess}.
 *
 * <p>This class sits in the launcher's package, on the system tests' class path only, because
 * {@code ServiceProcess} and {@code ServiceSpec} are package-private in {@code infra}; once they
 * are public it can move to {@code io.limber.systemtests} unchanged.
 */
public final class PackagedService implements AutoCloseable {

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private final ServiceProcess process;
    private final Path log;

    private PackagedService(ServiceProcess process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the JVM and returns at once; {@link #ready()} says when it answers. Its output goes
     * only to {@code home/.limber/logs/<name>.log}, which a failing test points to.
     */
    public static PackagedService start(String name, int port, Path home, String javaOptions, Map<String, String> env)
            throws IOException {
        ServiceSpec spec = new ServiceSpec(name, port, null, "");
        ServiceProcess process = ServiceProcess.start(spec, home, javaOptions, env, DISCARD, false);
        return new PackagedService(process, home.resolve(".limber/logs/" + name + ".log"));
    }

    public String name() {
        return process.spec().name();
    }

    public String url() {
        return process.spec().url();
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.alive();
    }

    public int exitCode() {
        return process.exitCode();
    }

    /** {@code /q/health/ready} answers 200: the database and Kafka are reachable. */
    public boolean ready() {
        return process.ready();
    }

    public List<String> lastLines() {
        return process.lastLines();
    }

    /** SIGTERM, then SIGKILL after the grace period; nothing is left running. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(15));
    }
}
