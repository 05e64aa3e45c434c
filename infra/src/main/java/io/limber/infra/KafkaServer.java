package io.limber.infra;

/** A running Kafka broker (or cluster) reachable at {@link #bootstrapServers()}. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    String description();

    @Override
    void close();
}
