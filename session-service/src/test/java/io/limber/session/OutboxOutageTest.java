package io.limber.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.KafkaOutage;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.limber.session.support.SessionTopic.awaitForMember;
import static io.limber.session.support.SessionTopic.header;
import static io.limber.session.support.SessionTopic.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The broker is killed mid-test: sessions are still recorded, their events wait in the outbox, and
 * once the broker is back every one of them is published, in order, none lost.
 */
@QuarkusTest
class OutboxOutageTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sessionsRecordedWhileKafkaIsDownArePublishedOnceItIsBack() throws Exception {
        assumeTrue(KafkaOutage.available(), "needs the native test broker, which this test can kill and restart");
        ExercisePublished exercise = catalog.publishNew();
        String member = Sessions.member();
        String token = TestTokens.member(member, "employer-" + UUID.randomUUID());

        List<String> recorded = new ArrayList<>();
        KafkaOutage.killBroker();
        try {
            for (int i = 0; i < 5; i++) {
                recorded.add(given().auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .body(Sessions.body(exercise.id(), 1, 1))
                        .post("/api/v1/members/{m}/sessions", member)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            assertThat(pendingEvents(member)).isEqualTo(5);
        } finally {
            KafkaOutage.restartBroker();
        }

        List<ConsumerRecord<String, String>> records =
                awaitForMember(bootstrapServers, member, 5, Duration.ofSeconds(120));
        // Give a late redelivery the chance to show up before judging order and duplicates.
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        records = awaitForMember(bootstrapServers, member, 5, Duration.ofSeconds(30));
        List<String> published = records.stream()
                .map(r -> json(r.value()).get("sessionId").asText())
                .toList();
        System.out.printf(
                "[outage-test] recorded %s%n[outage-test] on the topic (offset order) %s%n", recorded, published);

        // Nothing lost, and a copy published twice is the same event (same CloudEvents id).
        assertThat(published).containsAll(recorded);
        Map<String, String> idBySession = new HashMap<>();
        records.forEach(r -> {
            String session = json(r.value()).get("sessionId").asText();
            String id = header(r, "ce_id");
            assertThat(idBySession.putIfAbsent(session, id)).isIn(null, id);
        });
        assertThat(Set.copyOf(idBySession.values())).hasSize(5);
        assertThat(pendingEvents(member)).isZero();
        // In commit order per member: the first copy of every event comes in the order it was
        // recorded, so a consumer that deduplicates on the id applies them in order.
        assertThat(published.stream().distinct().toList()).containsExactlyElementsOf(recorded);

        // And the service is ready again, its catalog consumer included.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private long pendingEvents(String member) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL")) {
            select.setString(1, member);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
