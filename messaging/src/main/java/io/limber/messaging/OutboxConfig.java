package io.limber.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "limber.outbox")
public interface OutboxConfig {

    /** Turns the relay off, e.g. in a test that inspects unrelayed rows. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for rows when nothing woke it (other replicas' writes, retries). */
    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /**
     * The least time between two relay batches started by commits. Each commit wakes the relay;
     * under load this gathers the commits of the gap into one batch (measured: at 1,100 sessions/s
     * the median batch was 2 events, each batch a transaction and a Kafka round trip), and adds
     * at most this much to the time from commit to topic.
     */
    @WithDefault("10ms")
    Duration minGap();

    /** How long the relay waits after a failed publish before it tries again. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** The CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/${quarkus.application.name}")
    String source();
}
