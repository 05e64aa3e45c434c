package io.limber.session;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;
import io.limber.events.catalog.ExercisePublished.Dosage;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The local copy of the catalog follows the compacted topic, without content-service. */
@QuarkusTest
class CatalogConsumerTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void aRetiredExerciseCanNoLongerBeRecordedAndARepublishedOneCanAgain() {
        ExercisePublished exercise = catalog.publishNew();
        String member = Sessions.member();
        String token = TestTokens.member(member, "employer-c");

        catalog.retire(exercise.id());
        await().atMost(Duration.ofSeconds(60)).until(() -> post(token, member, exercise.id(), 1) == 422);

        ExercisePublished revision2 = catalog.publish(
                catalog.exercise(exercise.id(), 2, new Dosage(3, 12, 10), new Dosage(1, 8, 5), new Dosage(4, 15, 20)));
        assertThat(post(token, member, revision2.id(), 2)).isEqualTo(201);
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}", member, exercise.id())
                .then()
                .body("dosage.sets", equalTo(3))
                .body("dosage.reps", equalTo(12));
    }

    @Test
    void anOlderRevisionDeliveredLateDoesNotReplaceANewerOne() {
        UUID id = UUID.randomUUID();
        catalog.publish(catalog.exercise(id, 2, new Dosage(3, 12, 10), new Dosage(1, 8, 5), new Dosage(4, 15, 20)));
        catalog.produce(
                id.toString(),
                json(catalog.exercise(id, 1, new Dosage(1, 8, 5), new Dosage(1, 8, 5), new Dosage(2, 10, 10))),
                EventTypes.EXERCISE_PUBLISHED);
        // A marker published after the stale record: once it is applied, so is the stale one.
        catalog.publishNew();
        String member = Sessions.member();
        given().auth()
                .oauth2(TestTokens.member(member, "employer-c"))
                .get("/api/v1/members/{m}/dosages/{e}", member, id)
                .then()
                .statusCode(200)
                .body("dosage.sets", equalTo(3));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheCatalogKeepsFlowing() {
        String poisonKey = UUID.randomUUID().toString();
        catalog.produce(poisonKey, "{not json", EventTypes.EXERCISE_PUBLISHED);
        ExercisePublished after = catalog.publishNew();
        assertThat(after).isNotNull();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            var task = companion.consumeStrings().fromTopics("limber.catalog.exercises.v1.session-service.dlq");
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> task.getRecords().stream().anyMatch(r -> poisonKey.equals(r.key())));
            } finally {
                task.close();
            }
        }
    }

    private static int post(String token, String member, UUID exercise, int revision) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise, revision, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .statusCode();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
