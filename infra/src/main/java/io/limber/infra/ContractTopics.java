package io.limber.infra;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.limber.events.Topic;

/** Creates the contract's topics with their settings (compaction above all) before anyone uses them. */
public final class ContractTopics {

    private ContractTopics() {}

    public static void ensure(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = Topic.ALL.stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(Map.copyOf(t.config())))
                    .toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new InfrastructureException(
                                "Could not create the contract topics on " + bootstrapServers + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new InfrastructureException("Kafka at " + bootstrapServers + " did not answer within 30 s", e);
        }
    }
}
