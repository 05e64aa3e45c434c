package io.limber.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.SessionTopic;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SessionRecordingTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ExercisePublished exercise;
    String member;
    String token;

    @BeforeEach
    void freshMemberAndExercise() {
        exercise = catalog.publishNew();
        member = Sessions.member();
        token = TestTokens.member(member, "employer-" + UUID.randomUUID());
    }

    @Test
    void recordsASessionAndReadsItBack() {
        String id = record(Sessions.body(exercise.id(), 1, 3), null)
                .statusCode(201)
                .header("Location", containsString("/api/v1/members/" + member + "/sessions/"))
                .body("memberId", equalTo(member))
                .body("exerciseId", equalTo(exercise.id().toString()))
                .body("sets", hasSize(3))
                .body("totalReps", equalTo(30))
                .extract()
                .path("id");

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions/{id}", member, id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("sets[0].side", equalTo("both"))
                .body("sets[0].reps", equalTo(10))
                .body("sets[0].holdSeconds", equalTo(5))
                .body("note", equalTo("felt fine"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndRecordsOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 2);
        String first = record(body, key)
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .extract()
                .asString();
        String retry = record(body, key)
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(retry).isEqualTo(first);

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(1));
    }

    @Test
    void concurrentRetriesWithOneKeyRecordOneSessionAndAllGetItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth()
                        .oauth2(token)
                        .header("Idempotency-Key", key)
                        .contentType("application/json")
                        .body(body)
                        .post("/api/v1/members/{m}/sessions", member)));
            }
            List<String> ids = new ArrayList<>();
            for (var answer : answers) {
                var response = answer.get();
                org.assertj.core.api.Assertions.assertThat(response.statusCode())
                        .isEqualTo(201);
                ids.add(response.path("id"));
            }
            org.assertj.core.api.Assertions.assertThat(Set.copyOf(ids)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void aDifferentBodyUnderAUsedIdempotencyKeyIsRefused() {
        String key = UUID.randomUUID().toString();
        record(Sessions.body(exercise.id(), 1, 2), key).statusCode(201);
        record(Sessions.body(exercise.id(), 1, 3), key)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(key));

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .body("total", equalTo(1))
                .body("items[0].sets", hasSize(2));
    }

    @Test
    void theSameKeyFromTwoMembersMakesTwoSessions() {
        String key = UUID.randomUUID().toString();
        String other = Sessions.member();
        for (String m : new String[] {member, other}) {
            given().auth()
                    .oauth2(TestTokens.member(m, "employer-x"))
                    .header("Idempotency-Key", key)
                    .contentType("application/json")
                    .body(Sessions.body(exercise.id(), 1, 1))
                    .post("/api/v1/members/{m}/sessions", m)
                    .then()
                    .statusCode(201)
                    .body("memberId", equalTo(m))
                    .header("Idempotent-Replayed", "false");
        }
    }

    @Test
    void listsSessionsByDateRangeAndPage() {
        Instant day1 = Instant.parse("2026-03-02T08:00:00Z");
        Instant day2 = Instant.parse("2026-03-04T08:00:00Z");
        Instant day3 = Instant.parse("2026-03-09T08:00:00Z");
        for (Instant start : new Instant[] {day1, day2, day3}) {
            record(Sessions.body(exercise.id(), 1, start, start.plus(Duration.ofMinutes(5)), 1), null)
                    .statusCode(201);
        }
        given().auth()
                .oauth2(token)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-04")
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.startedAt", contains("2026-03-04T08:00:00Z", "2026-03-02T08:00:00Z"));
        given().auth()
                .oauth2(token)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("items.startedAt", contains("2026-03-02T08:00:00Z"));
        given().auth()
                .oauth2(token)
                .queryParam("from", "March")
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("from"));
        given().auth()
                .oauth2(token)
                .queryParam("size", 1000)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aMemberCannotReadOrWriteAnotherMembersSessions() {
        String victim = Sessions.member();
        String victimToken = TestTokens.member(victim, "employer-v");
        String sessionId = given().auth()
                .oauth2(victimToken)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", victim)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", victim)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions/{id}", victim, sessionId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", victim)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // Under their own id, another member's session simply does not exist.
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions/{id}", member, sessionId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(victimToken)
                .get("/api/v1/members/{m}/sessions", victim)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void onlyMembersWithATokenMayRecord() {
        given().contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.employerAdmin(member, "employer-a"))
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.token(member, null, "member"))
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(403)
                .body("detail", containsString("employer"));
    }

    @Test
    void aRevisionNewerThanTheCatalogKnowsIsRefused() {
        record(Sessions.body(exercise.id(), 2, 1), null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", notNullValue());
    }

    @Test
    void aSessionNamesTheProgramItemItCompletesAndTheEventCarriesIt() {
        UUID program = UUID.randomUUID();
        ExercisePublished inProgram = catalog.publish(catalog.inPrograms(catalog.publishNew(), program));
        Map<String, Object> body = Sessions.body(inProgram.id(), inProgram.revision(), 1);
        body.put("programId", program.toString());

        String id = record(body, null)
                .statusCode(201)
                .body("programId", equalTo(program.toString()))
                .extract()
                .path("id");
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions/{id}", member, id)
                .then()
                .statusCode(200)
                .body("programId", equalTo(program.toString()));

        var records = SessionTopic.awaitForMember(bootstrapServers, member, 1, Duration.ofSeconds(60));
        var completed = SessionTopic.json(records.get(0).value());
        org.assertj.core.api.Assertions.assertThat(completed.path("programId").asText())
                .isEqualTo(program.toString());
        SessionTopic.assertMatchesSchema("limber.session.completed", completed);
    }

    @Test
    void aProgramThatDoesNotHoldTheExerciseIsRefusedAndNothingIsRecorded() {
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        body.put("programId", UUID.randomUUID().toString());
        record(body, null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("exercise-not-in-program"))
                .body("detail", containsString(exercise.id().toString()));
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aRetryAfterTheExerciseWasRetiredStillGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        String first = record(body, key).statusCode(201).extract().asString();
        catalog.retire(exercise.id());
        // A new session of a retired exercise is refused (within the catalog hold of 2 s)...
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth()
                                .oauth2(token)
                                .contentType("application/json")
                                .body(Sessions.body(exercise.id(), 1, 1))
                                .post("/api/v1/members/{m}/sessions", member)
                                .statusCode()
                        == 422);
        // ... but the retry of the one recorded before is answered as the first time.
        String retry = record(body, key)
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(retry).isEqualTo(first);
    }

    /** POST a session as this test's member, with an Idempotency-Key unless {@code key} is null. */
    private ValidatableResponse record(Object body, String key) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body).post("/api/v1/members/{m}/sessions", member).then();
    }
}
