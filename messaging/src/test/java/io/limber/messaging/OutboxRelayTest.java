package io.limber.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.limber.infra.test.KafkaOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox keeps its promise through the real broker: nothing lost, order kept per key. */
@QuarkusTest
class OutboxRelayTest {

    record Step(String member, int n) {}

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyCommittedEventArrivesInOrderPerKeyThroughABrokerCrash() {
        String topic = "limber.outbox-test." + UUID.randomUUID();
        List<String> members = List.of("m-" + UUID.randomUUID(), "m-" + UUID.randomUUID(), "m-" + UUID.randomUUID());
        List<UUID> ids = new ArrayList<>();

        for (int n = 0; n < 30; n++) {
            ids.add(append(topic, members.get(n % 3), n));
        }
        KafkaOutage.killBroker();
        try {
            // Accepted while the broker is gone: these wait in the outbox.
            for (int n = 30; n < 60; n++) {
                ids.add(append(topic, members.get(n % 3), n));
            }
        } finally {
            KafkaOutage.restartBroker();
        }
        for (int n = 60; n < 90; n++) {
            ids.add(append(topic, members.get(n % 3), n));
        }

        List<ConsumerRecord<String, String>> records = consumeUntilAllSeen(topic, ids);
        Map<String, List<Integer>> perMember = new LinkedHashMap<>();
        List<String> seenIds = new ArrayList<>();
        for (var record : records) {
            System.out.printf(
                    "DEBUG %s p%d@%d %s%n",
                    record.key().substring(0, 6), record.partition(), record.offset(), record.value());
            seenIds.add(header(record, "ce_id"));
            var n = java.util.regex.Pattern.compile("\"n\":\\s*(\\d+)").matcher(record.value());
            assertThat(n.find()).as("payload %s", record.value()).isTrue();
            perMember.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Integer.parseInt(n.group(1)));
        }
        assertThat(seenIds).containsAll(ids.stream().map(UUID::toString).toList());
        // At least once: a redelivery repeats an id, never invents one.
        assertThat(ids.stream().map(UUID::toString).toList()).containsAll(seenIds);
        perMember.forEach((member, ns) -> assertThat(ns.stream().distinct().toList())
                .as("events of %s in commit order", member)
                .isSorted());
        assertThat(pending(topic)).isZero();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String topic = "limber.outbox-test." + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(new OutgoingEvent(topic, "m-1", "limber.check", "m-1", null, new Step("m-1", 1)));
                throw new IllegalStateException("the business change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        UUID committed = append(topic, "m-1", 2);
        var records = consumeUntilAllSeen(topic, List.of(committed));
        assertThat(records).extracting(r -> header(r, "ce_id")).containsExactly(committed.toString());
    }

    @Test
    void aNullPayloadIsPublishedAsATombstone() {
        String topic = "limber.outbox-test." + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(
                        new OutgoingEvent(topic, "exercise-1", "limber.exercise.published", "exercise-1", null, null)));
        var records = consumeUntilAllSeen(topic, List.of(id));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.value()).isNull();
            assertThat(header(r, "ce_type")).isEqualTo("limber.exercise.published");
        });
    }

    private UUID append(String topic, String member, int n) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(
                        new OutgoingEvent(topic, member, "limber.check", member, null, new Step(member, n))));
    }

    private long pending(String topic) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Long) em.createQuery(
                                "SELECT count(e) FROM OutboxEvent e WHERE e.topic = :t AND e.publishedAt IS NULL")
                        .setParameter("t", topic)
                        .getSingleResult());
    }

    private List<ConsumerRecord<String, String>> consumeUntilAllSeen(String topic, List<UUID> ids) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            var task = companion.consumeStrings().fromTopics(topic);
            try {
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(90))
                        .until(() -> task.getRecords().stream()
                                .map(r -> header(r, "ce_id"))
                                .collect(java.util.stream.Collectors.toSet())
                                .containsAll(ids.stream().map(UUID::toString).toList()));
                return List.copyOf(task.getRecords());
            } finally {
                task.stop();
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
