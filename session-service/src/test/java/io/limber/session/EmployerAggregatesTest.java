package io.limber.session;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Backdate;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Employer admins see aggregates of their own employer only, with cohorts under 11 suppressed. */
@QuarkusTest
class EmployerAggregatesTest {

    @Inject
    TestCatalog catalog;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aggregatesOverElevenMembersAreShownAndSmallerCohortsSuppressed() {
        ExercisePublished popular = catalog.publishNew();
        ExercisePublished niche = catalog.publishNew();
        String employer = "employer-" + UUID.randomUUID();
        List<String> members = new ArrayList<>();
        // 11 members do the popular exercise and land in the sweet spot; 10 do the niche one and hurt.
        for (int i = 0; i < 21; i++) {
            boolean popularOne = i < 11;
            String member = Sessions.member();
            members.add(member);
            String token = TestTokens.member(member, employer);
            ExercisePublished exercise = popularOne ? popular : niche;
            record(token, member, exercise);
            String report = given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(Sessions.report(exercise.id(), 0, popularOne ? 2 : 6, popularOne ? 2 : 6))
                    .post("/api/v1/members/{m}/tolerance-reports", member)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            if (popularOne) {
                Backdate.report(dataSource, UUID.fromString(report), Backdate.NEXT_MORNING);
                given().auth()
                        .oauth2(token)
                        .contentType("application/json")
                        .body(Map.of("morningPain", 0, "morningStiffness", 0))
                        .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", member, report)
                        .then()
                        .statusCode(200);
            }
        }
        // One more session from a popular member: 22 sessions over 21 active members in 4 weeks.
        record(TestTokens.member(members.get(0), employer), members.get(0), popular);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String body = given().auth()
                .oauth2(TestTokens.employerAdmin("admin-" + UUID.randomUUID(), employer))
                .queryParam("from", today.minusDays(27).toString())
                .queryParam("to", today.toString())
                .get("/api/v1/employers/{e}/aggregates", employer)
                .then()
                .statusCode(200)
                .body("enrolledMembers.value", equalTo(21.0f))
                .body("activeMembers.value", equalTo(21.0f))
                .body("sessionsPerActiveMemberPerWeek.value", equalTo(0.26f))
                .body("sweetSpotShare.value", equalTo(0.52f))
                .body("sweetSpotShare.suppressed", equalTo(false))
                .body("mostUsedExercises", hasSize(1))
                .body("mostUsedExercises[0].exerciseId", equalTo(popular.id().toString()))
                .body("mostUsedExercises[0].sessions", equalTo(12))
                .body("mostUsedExercises[0].members", equalTo(11))
                .body("someExercisesSuppressed", equalTo(true))
                .extract()
                .asString();
        // Never one member's data.
        members.forEach(m -> assertThat(body).doesNotContain(m));
    }

    @Test
    void everyFigureOverFewerThanElevenMembersIsSuppressed() {
        ExercisePublished exercise = catalog.publishNew();
        String employer = "employer-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            String member = Sessions.member();
            record(TestTokens.member(member, employer), member, exercise);
        }
        given().auth()
                .oauth2(TestTokens.employerAdmin("admin-" + UUID.randomUUID(), employer))
                .get("/api/v1/employers/{e}/aggregates", employer)
                .then()
                .statusCode(200)
                .body("enrolledMembers.value", nullValue())
                .body("enrolledMembers.suppressed", equalTo(true))
                .body("activeMembers.suppressed", equalTo(true))
                .body("sessionsPerActiveMemberPerWeek.value", nullValue())
                .body("sweetSpotShare.suppressed", equalTo(true))
                .body("mostUsedExercises", hasSize(0))
                .body("someExercisesSuppressed", equalTo(true));
    }

    @Test
    void anotherEmployersAggregatesDoNotExistAndMembersCannotAsk() {
        String employer = "employer-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.employerAdmin("admin-" + UUID.randomUUID(), "employer-other"))
                .get("/api/v1/employers/{e}/aggregates", employer)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.member("member-" + UUID.randomUUID(), employer))
                .get("/api/v1/employers/{e}/aggregates", employer)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/employers/{e}/aggregates", employer).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.employerAdmin("admin-" + UUID.randomUUID(), employer))
                .queryParam("from", "2026-03-10")
                .queryParam("to", "2026-03-01")
                .get("/api/v1/employers/{e}/aggregates", employer)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // An admin is not a member: no access to sessions, even under their own id.
        String admin = "admin-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.employerAdmin(admin, employer))
                .get("/api/v1/members/{m}/sessions", admin)
                .then()
                .statusCode(403);
    }

    private static void record(String token, String member, ExercisePublished exercise) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201);
    }
}
