package io.limber.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets a problem+json answer and changes nothing. */
@QuarkusTest
class BadInputTest {

    @Inject
    TestCatalog catalog;

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
    void negativeRepsAreRefused() {
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        body.put("sets", List.of(Map.of("side", "both", "reps", -1)));
        postSession(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("reps")));
        assertNothingRecorded();
    }

    @Test
    void anUnknownSideIsRefused() {
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        body.put("sets", List.of(Map.of("side", "middle", "reps", 3)));
        postSession(body).statusCode(400).contentType("application/problem+json");
        assertNothingRecorded();
    }

    @Test
    void aSetWithNeitherRepsNorHoldIsRefused() {
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        body.put("sets", List.of(Map.of("side", "left")));
        postSession(body).statusCode(400).contentType("application/problem+json");
        assertNothingRecorded();
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        postSession(Sessions.body(exercise.id(), 1, start, start.minusSeconds(60), 1))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("endedAt must be after startedAt"));
        assertNothingRecorded();
    }

    @Test
    void aSessionEndingInTheFutureIsRefused() {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        postSession(Sessions.body(exercise.id(), 1, start, start.plusSeconds(600), 1))
                .statusCode(400)
                .contentType("application/problem+json");
        assertNothingRecorded();
    }

    @Test
    void anUnknownExerciseIsRefused() {
        UUID unknown = UUID.randomUUID();
        postSession(Sessions.body(unknown, 1, 1))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.report(unknown, 1, 2, 2))
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertNothingRecorded();
    }

    @Test
    void malformedJsonIsRefused() {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"exerciseId\": \"" + exercise.id() + "\", \"sets\": [")
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"exerciseId\": \"not-a-uuid\"}")
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertNothingRecorded();
    }

    @Test
    void aMissingBodyIsRefused() {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertNothingRecorded();
    }

    @Test
    void aFiveMegabyteBodyIsRefused() {
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 1);
        body.put("note", "x".repeat(5 * 1024 * 1024));
        postSession(body)
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        assertNothingRecorded();
    }

    @Test
    void painOutsideZeroToTenIsRefused() {
        Map<String, Object> report = Sessions.report(exercise.id(), 1, 11, 2);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(report)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("painDuring")));
        report = Sessions.report(exercise.id(), -1, 1, 2);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(report)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, exercise.id())
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    private ValidatableResponse postSession(Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/sessions", member)
                .then();
    }

    private void assertNothingRecorded() {
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }
}
