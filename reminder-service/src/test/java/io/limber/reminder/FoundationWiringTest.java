package io.limber.reminder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.messaging.Outbox;
import io.limber.messaging.OutgoingEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;

/** The service reaches the real database (migrated by Flyway) and the real broker. */
@QuarkusTest
class FoundationWiringTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void writesAndReadsTheMigratedSchema() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox_event (id, topic, message_key, event_type, payload) VALUES (?, ?, ?, ?, ?::jsonb)")) {
                insert.setObject(1, id);
                insert.setString(2, "foundation-check");
                insert.setString(3, "key-1");
                insert.setString(4, "limber.check");
                insert.setString(5, "{\"ok\": true}");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select =
                    c.prepareStatement("SELECT payload ->> 'ok', published_at FROM outbox_event WHERE id = ?")) {
                select.setObject(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("true");
                    assertThat(rs.getObject(2)).isNull();
                }
            }
        }
    }

    @Test
    void publishesToAndReadsBackFromTheBroker() {
        String topic = "limber.foundation-check.reminder";
        String value = UUID.randomUUID().toString();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(new ProducerRecord<>(topic, "member-1", value))
                    .awaitCompletion();
            var records = companion
                    .consumeStrings()
                    .fromTopics(topic, 1)
                    .awaitCompletion(Duration.ofSeconds(30))
                    .getRecords();
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("member-1");
                assertThat(r.value()).isEqualTo(value);
            });
        }
    }

    @Test
    void relaysACommittedOutboxEventAsACloudEvent() {
        String topic = "limber.foundation-check.reminder.outbox";
        String member = "member-" + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(new OutgoingEvent(
                        topic,
                        member,
                        "limber.check",
                        member,
                        "https://schemas.limber.io/check.json",
                        new Check(true))));
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            var record = companion
                    .consumeStrings()
                    .fromTopics(topic, 1)
                    .awaitCompletion(Duration.ofSeconds(30))
                    .getFirstRecord();
            assertThat(record.key()).isEqualTo(member);
            assertThat(record.value().replace(" ", "")).isEqualTo("{\"ok\":true}");
            assertThat(header(record, "ce_id")).isEqualTo(id.toString());
            assertThat(header(record, "ce_type")).isEqualTo("limber.check");
            assertThat(header(record, "ce_source")).isEqualTo("/reminder-service");
            assertThat(header(record, "ce_subject")).isEqualTo(member);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
        }
    }

    record Check(boolean ok) {}

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
