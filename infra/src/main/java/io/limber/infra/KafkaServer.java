package io.limber.infra;

/** A running Kafka broker (or cluster) reachable at {@link #bootstrapServers()}. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    String description();

    /** The broker's process id when it runs as a child of this JVM, otherwise -1. */
    default long pid() {
        return -1;
    }

    /** The folder with the broker's settings and data when it runs as a child of this JVM. */
    default java.util.Optional<java.nio.file.Path> directory() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
