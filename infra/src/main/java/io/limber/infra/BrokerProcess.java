package io.limber.infra;

import java.io.IOException;
import java.nio.file.Path;

/** Crash and restart of a broker that runs as a child JVM: for fault tests. */
public final class BrokerProcess {

    private BrokerProcess() {}

    /** SIGKILL, as a crash would: no clean shutdown, the log is recovered on restart. */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /**
     * Starts the broker of {@code directory} again on its port, with its data, and returns once it
     * answers. The new process belongs to this JVM and ends with it.
     */
    public static KafkaServer restart(Path directory, int port) {
        try {
            return ChildProcessKafkaBroker.launch(directory, port, false);
        } catch (IOException e) {
            throw new InfrastructureException("Kafka did not restart: " + e.getMessage(), e);
        }
    }
}
