package io.limber.infra;

/** A running Kafka broker (or cluster) reachable at {@link #bootstrapServers()}. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    String description();

    /** The broker's process id when it runs as a child of this JVM, otherwise -1. */
    default long pid() {
        return -1;
    }

    @Override
    void close();
}
