package io.limber.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ProgressTest {

    @Inject
    TestCatalog catalog;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void showsSessionsThisWeekTheStreakTotalRepsAndThePainTrend() {
        ExercisePublished exercise = catalog.publishNew();
        String member = Sessions.member();
        String token = TestTokens.member(member, "employer-" + UUID.randomUUID());
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        // Today (11 minutes ago, or within today when the day is younger than that), yesterday, two
        // days ago, and a gap before five days ago.
        Instant earlierToday = now.minus(Duration.ofMinutes(11)).isAfter(midnight)
                ? now.minus(Duration.ofMinutes(11))
                : midnight.plus(Duration.between(midnight, now).dividedBy(4));
        List<Instant> starts = List.of(
                earlierToday,
                today.minusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC),
                today.minusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC),
                today.minusDays(5).atTime(9, 0).toInstant(ZoneOffset.UTC));
        for (Instant start : starts) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(Sessions.body(exercise.id(), 1, start, endOf(start, now), 2))
                    .post("/api/v1/members/{m}/sessions", member)
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.report(exercise.id(), 1, 3, 2))
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201);

        Instant monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        int thisWeek = (int) starts.stream().filter(s -> !s.isBefore(monday)).count();

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/progress", member)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("sessionsThisWeek", equalTo(thisWeek))
                .body("activeDayStreak", equalTo(3))
                .body("totalRepsByExercise[0].exerciseId", equalTo(exercise.id().toString()))
                .body("totalRepsByExercise[0].totalReps", equalTo(80))
                .body("totalRepsByExercise[0].sessions", equalTo(4))
                .body("painTrend[0].exerciseId", equalTo(exercise.id().toString()))
                .body("painTrend[0].direction", equalTo("not-enough-data"))
                .body("painTrend[0].points[0].painDuring", equalTo(3))
                .body("painTrend[0].points[0].zone", equalTo("hold"));

        given().auth()
                .oauth2(token)
                .queryParam("timeZone", "Mars/Olympus")
                .get("/api/v1/members/{m}/progress", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Mars/Olympus"));
        given().auth()
                .oauth2(TestTokens.member(Sessions.member(), "employer-x"))
                .get("/api/v1/members/{m}/progress", member)
                .then()
                .statusCode(403);
    }

    /**
     * The trend is morning pain, last week against the three before, and only a change of 2 points
     * or more counts: pain during activity falling from 5 to 1 with mornings 3 -> 2 is steady.
     */
    @Test
    void thePainTrendFollowsMorningPainAndOnlyAMeaningfulChange() throws Exception {
        String member = Sessions.member();
        String token = TestTokens.member(member, "employer-" + UUID.randomUUID());
        // exercise: {earlier morning, recent morning, earlier pain during, recent pain during}
        Map<String, int[]> cases = new LinkedHashMap<>();
        cases.put("improving", new int[] {4, 2, 2, 2});
        cases.put("steady", new int[] {3, 2, 5, 1});
        cases.put("worsening", new int[] {1, 3, 2, 2});
        Map<String, String> expected = new HashMap<>();
        for (Map.Entry<String, int[]> c : cases.entrySet()) {
            String exerciseId = catalog.publishNew().id().toString();
            expected.put(exerciseId, c.getKey());
            int[] v = c.getValue();
            String earlier = checkedIn(token, member, exerciseId, v[2], v[0]);
            checkedIn(token, member, exerciseId, v[3], v[1]);
            try (Connection db = dataSource.getConnection();
                    PreparedStatement back = db.prepareStatement(
                            "UPDATE tolerance_report SET reported_at = reported_at - interval '14 days' WHERE id = ?")) {
                back.setObject(1, UUID.fromString(earlier));
                assertThat(back.executeUpdate()).isEqualTo(1);
            }
        }
        List<Map<String, Object>> trends = given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/progress", member)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("painTrend");
        assertThat(trends).hasSize(3);
        for (Map<String, Object> trend : trends) {
            assertThat(trend.get("direction")).as(String.valueOf(trend)).isEqualTo(expected.get((String)
                    trend.get("exerciseId")));
        }
    }

    private String checkedIn(String token, String member, String exerciseId, int painDuring, int morning) {
        String id = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.report(UUID.fromString(exerciseId), 5, painDuring, painDuring))
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Backdate.report(dataSource, UUID.fromString(id), Backdate.NEXT_MORNING);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("morningPain", morning, "morningStiffness", 0))
                .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", member, id)
                .then()
                .statusCode(200);
        return id;
    }

    /** Ten minutes, or less when that would end after now (a session cannot end in the future). */
    private static Instant endOf(Instant start, Instant now) {
        Instant tenMinutes = start.plus(Duration.ofMinutes(10));
        return tenMinutes.isBefore(now)
                ? tenMinutes
                : start.plus(Duration.between(start, now).dividedBy(2));
    }
}
