package io.limber.infra;

/** A broker somebody else runs, named by {@code LIMBER_KAFKA_BOOTSTRAP_SERVERS}; never stopped by us. */
record ExternalKafka(String bootstrapServers) implements KafkaServer {

    @Override
    public String description() {
        return "Kafka at " + bootstrapServers + " (external)";
    }

    @Override
    public void close() {}
}
