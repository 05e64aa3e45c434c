package io.limber.infra.test;

import java.nio.file.Path;

import io.limber.infra.BrokerProcess;
import io.limber.infra.KafkaServer;

/**
 * Takes the tests' shared Kafka broker away and brings it back, for tests that prove nothing is
 * lost while the broker is down. Only for the native broker (not Testcontainers or an external
 * one): {@link #available()} says whether this run has it.
 */
public final class KafkaOutage {

    private KafkaOutage() {}

    public static boolean available() {
        return System.getProperty(SharedInfrastructure.PREFIX + "kafka.dir") != null;
    }

    /** Kills the broker with SIGKILL; producers and consumers see it vanish mid-flight. */
    public static synchronized void killBroker() {
        requireAvailable();
        BrokerProcess.kill(Long.parseLong(System.getProperty(SharedInfrastructure.PREFIX + "kafka.pid")));
    }

    /** Starts the broker again on the same port with its data; returns when it answers. */
    public static synchronized void restartBroker() {
        requireAvailable();
        String bootstrap = System.getProperty(SharedInfrastructure.PREFIX + "kafka");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        KafkaServer broker =
                BrokerProcess.restart(Path.of(System.getProperty(SharedInfrastructure.PREFIX + "kafka.dir")), port);
        System.setProperty(SharedInfrastructure.PREFIX + "kafka.pid", String.valueOf(broker.pid()));
    }

    private static void requireAvailable() {
        if (!available()) {
            throw new IllegalStateException("The tests' broker is not a native child process here");
        }
    }
}
