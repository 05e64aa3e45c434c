package io.limber.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the child JVM that runs a single-node KRaft broker for local runs and tests.
 *
 * <p>Arguments: the path of a {@code server.properties} and a cluster id. The log directory is
 * formatted on first start only, so a restarted broker keeps its topics. The broker exits as soon
 * as its standard input closes: the parent keeps that pipe open, so even a parent killed with
 * SIGKILL takes its broker with it instead of leaving an orphan holding the port.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain <server.properties> <cluster-id> <log-dir>");
            System.exit(2);
        }
        String config = args[0];
        String clusterId = args[1];
        Path logDir = Path.of(args[2]);

        exitWhenParentGoes(System.in);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--config", config, "--cluster-id", clusterId, "--ignore-formatted"},
                    System.out);
            if (rc != 0) {
                System.err.println("Formatting the Kafka log directory " + logDir + " failed (exit " + rc + ")");
                System.exit(rc);
            }
        }
        kafka.Kafka.main(new String[] {config});
    }

    private static void exitWhenParentGoes(InputStream parentPipe) {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (parentPipe.read() != -1) {
                            // The parent never writes; any byte is ignored.
                        }
                    } catch (IOException ignored) {
                        // A broken pipe means the same as end of stream.
                    }
                    // Runs Kafka's shutdown hook, which closes the log cleanly.
                    System.exit(0);
                },
                "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
