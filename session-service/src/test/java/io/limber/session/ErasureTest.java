package io.limber.session;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.DbCount;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.limber.session.support.SessionTopic.awaitForMember;
import static io.limber.session.support.SessionTopic.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ErasureTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void erasureDeletesTheMembersSessionsAndReportsOnlyAndTellsEveryConsumer() {
        ExercisePublished exercise = catalog.publishNew();
        String member = Sessions.member();
        String token = TestTokens.member(member, "employer-e");
        String other = Sessions.member();
        String otherToken = TestTokens.member(other, "employer-e");
        String sessionId = null;
        String reportId = null;
        for (String m : new String[] {member, other}) {
            String t = m.equals(member) ? token : otherToken;
            String s = given().auth()
                    .oauth2(t)
                    .contentType("application/json")
                    .body(Sessions.body(exercise.id(), 1, 1))
                    .post("/api/v1/members/{m}/sessions", m)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String r = given().auth()
                    .oauth2(t)
                    .contentType("application/json")
                    .body(Sessions.report(exercise.id(), 0, 2, 2))
                    .post("/api/v1/members/{m}/tolerance-reports", m)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            if (m.equals(member)) {
                sessionId = s;
                reportId = r;
            }
        }

        // Nobody else can erase a member.
        given().auth()
                .oauth2(otherToken)
                .delete("/api/v1/members/{m}/data", member)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .delete("/api/v1/members/{m}/data", member)
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions/{s}", member, sessionId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/tolerance-reports/{r}", member, reportId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, exercise.id())
                .then()
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/progress", member)
                .then()
                .body("totalRepsByExercise.size()", equalTo(0))
                .body("painTrend.size()", equalTo(0));

        given().auth()
                .oauth2(otherToken)
                .get("/api/v1/members/{m}/sessions", other)
                .then()
                .body("total", equalTo(1));

        var records = awaitForMember(bootstrapServers, member, 3, Duration.ofSeconds(60));
        assertThat(header(records.get(records.size() - 1), "ce_type")).isEqualTo(EventTypes.MEMBER_ERASED);
        assertThat(records.get(records.size() - 1).value()).contains(member);
        assertThat(UUID.fromString(header(records.get(records.size() - 1), "ce_id")))
                .isNotNull();
    }

    /**
     * The member's Idempotency-Keys go with the rest: kept, they would answer with a session that
     * is gone. A retry after erasure records anew, as it did when the keys lived in the rows.
     */
    @Test
    void erasureDeletesTheMembersIdempotencyKeys() {
        ExercisePublished exercise = catalog.publishNew();
        String member = Sessions.member();
        String token = TestTokens.member(member, "employer-e");
        String key = UUID.randomUUID().toString();
        var body = Sessions.body(exercise.id(), 1, 1);
        String first = record(token, member, key, body)
                .header("Idempotent-Replayed", "false")
                .extract()
                .path("id");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.report(exercise.id(), 0, 2, 2))
                .header("Idempotency-Key", key)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201);
        assertThat(DbCount.of(dataSource, "SELECT count(*) FROM idempotency_record WHERE member_id = ?", member))
                .isEqualTo(2);

        given().auth()
                .oauth2(token)
                .delete("/api/v1/members/{m}/data", member)
                .then()
                .statusCode(204);

        assertThat(DbCount.of(dataSource, "SELECT count(*) FROM idempotency_record WHERE member_id = ?", member))
                .isZero();
        String again = record(token, member, key, body)
                .header("Idempotent-Replayed", "false")
                .extract()
                .path("id");
        assertThat(again).isNotEqualTo(first);
    }

    private static io.restassured.response.ValidatableResponse record(
            String token, String member, String key, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201);
    }
}
