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
