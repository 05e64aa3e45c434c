package io.limber.infra;

import org.testcontainers.kafka.KafkaContainer;

/** A KRaft Kafka broker in a container, for machines with a Docker engine. */
final class ContainerKafka implements KafkaServer {

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start(String image) {
        KafkaContainer container = new KafkaContainer(image);
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka on " + bootstrapServers() + " (container " + container.getDockerImageName() + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
