package io.limber.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.agroal.api.AgroalDataSource;
import io.limber.events.catalog.ExercisePublished;
import io.limber.events.catalog.ExercisePublished.Dosage;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Backdate;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The pain-monitoring model through the real API: every rule, its boundaries, and progression. */
@QuarkusTest
class ToleranceTest {

    @Inject
    TestCatalog catalog;

    @Inject
    AgroalDataSource dataSource;

    ExercisePublished exercise; // 2 x 10 reps, 5 s hold; bounds 1-3 sets, 8-12 reps, 5-15 s
    String member;
    String token;

    @BeforeEach
    void freshMemberAndExercise() {
        exercise = catalog.publishNew();
        member = Sessions.member();
        token = TestTokens.member(member, "employer-" + UUID.randomUUID());
    }

    @ParameterizedTest(name = "pain {0}/10 -> {1} at once, {2} after a settled morning, next dose {3} reps")
    @CsvSource({
        "3, hold,       sweet-spot, 11",
        "4, hold,       hold,       10",
        "5, hold,       hold,       10",
        "6, scale-back, scale-back, 9",
        "7, scale-back, scale-back, 9",
        "8, stop,       stop,",
    })
    void classifiesEachPainLevelAtItsBoundary(int pain, String atOnce, String afterMorning, Integer nextReps) {
        JsonPath report = report(Sessions.report(exercise.id(), 0, pain, pain));
        assertThat(report.getString("recommendation.zone")).isEqualTo(atOnce);

        JsonPath checkedIn = checkIn(report.getString("id"), 0, 1);
        assertThat(checkedIn.getString("recommendation.zone")).isEqualTo(afterMorning);
        if (nextReps == null) {
            assertThat(checkedIn.getMap("recommendation.dosage")).isNull();
            assertThat(checkedIn.getString("recommendation.reason")).contains("contact a clinician");
        } else {
            assertThat(checkedIn.getInt("recommendation.dosage.reps")).isEqualTo(nextReps);
            assertThat(checkedIn.getInt("recommendation.dosage.sets")).isEqualTo(2);
        }
        currentDosage()
                .body("dosage.reps", nextReps == null ? nullValue() : equalTo(nextReps))
                .body("stopped", equalTo(nextReps == null));
    }

    @Test
    void theSweetSpotWaitsForTheMorningThenScalesUpOneRepAndIsAuditable() {
        JsonPath report = report(Sessions.report(exercise.id(), 1, 2, 3));
        assertThat(report.getString("recommendation.zone")).isEqualTo("hold");
        assertThat(report.getString("recommendation.reason")).contains("next-morning check-in");

        JsonPath checkedIn = checkIn(report.getString("id"), 1, 2);
        assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("sweet-spot");
        assertThat(checkedIn.getMap("recommendation.dosage"))
                .isEqualTo(Map.of("sets", 2, "reps", 11, "holdSeconds", 5));
        assertThat(checkedIn.getMap("recommendation.previousDosage"))
                .isEqualTo(Map.of("sets", 2, "reps", 10, "holdSeconds", 5));
        assertThat(checkedIn.getString("recommendation.reason"))
                .contains("3/10")
                .contains("settled by the next morning")
                .contains("2 sets of 10 reps, 5 s hold to 2 sets of 11 reps, 5 s hold");
        assertThat(checkedIn.getList("recommendation.basedOnReports")).contains(report.getString("id"));

        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, exercise.id())
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].zone", equalTo("sweet-spot"))
                .body("[1].zone", equalTo("hold"));
    }

    @Test
    void painThatHasNotSettledByMorningScalesBackAndSaysWhy() {
        JsonPath report = report(Sessions.report(exercise.id(), 1, 3, 3));
        JsonPath checkedIn = checkIn(report.getString("id"), 2, 3);
        assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("scale-back");
        assertThat(checkedIn.getString("recommendation.reason")).contains("not settled by the next morning");
        assertThat(checkedIn.getInt("recommendation.dosage.reps")).isEqualTo(9);
    }

    @Test
    void morningPainRisingOverTheWeekScalesBack() {
        // Each morning is below the pain before the session (settled), but it climbs 1 -> 2 -> 3.
        for (int morning = 1; morning <= 3; morning++) {
            JsonPath report = report(Sessions.report(exercise.id(), 5, 2, 2));
            JsonPath checkedIn = checkIn(report.getString("id"), morning, 1);
            if (morning < 3) {
                assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("sweet-spot");
            } else {
                assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("scale-back");
                assertThat(checkedIn.getString("recommendation.reason")).contains("rising");
                assertThat(checkedIn.getInt("recommendation.dosage.reps")).isEqualTo(11); // 10 -> 11 -> 12 -> 11
                assertThat(checkedIn.getList("recommendation.basedOnReports")).hasSize(3);
            }
        }
    }

    @Test
    void morningStiffnessRisingTwoPointsScalesBack() {
        // Pain settles every morning; stiffness on waking goes 1 -> 2 -> 3.
        for (int stiffness = 1; stiffness <= 3; stiffness++) {
            JsonPath report = report(Sessions.report(exercise.id(), 2, 2, 2));
            JsonPath checkedIn = checkIn(report.getString("id"), 1, stiffness);
            String zone = checkedIn.getString("recommendation.zone");
            if (stiffness < 3) {
                assertThat(zone).isEqualTo("sweet-spot");
            } else {
                assertThat(zone).isEqualTo("scale-back");
                assertThat(checkedIn.getString("recommendation.reason"))
                        .contains("Morning stiffness has been rising: 1/10 -> 2/10 -> 3/10");
            }
        }
    }

    @Test
    void sharpOrNewPainStopsProgressionUntilAClinicianClearsIt() {
        Map<String, Object> body = Sessions.report(exercise.id(), 0, 2, 2);
        body.put("sharpOrNewPain", true);
        JsonPath report = report(body);
        assertThat(report.getString("recommendation.zone")).isEqualTo("stop");
        assertThat(report.getString("recommendation.reason"))
                .contains("Sharp or new pain")
                .contains("clinician");

        // A later easy session does not restart progression on its own.
        JsonPath later = report(Sessions.report(exercise.id(), 0, 1, 1));
        JsonPath checkedIn = checkIn(later.getString("id"), 0, 0);
        assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("stop");
        currentDosage().body("stopped", equalTo(true)).body("dosage", nullValue());
    }

    @Test
    void progressionStepsRepsThenHoldThenSetsInSmallStepsAndStopsAtTheTopOfTheRange() {
        ExercisePublished bounded = catalog.publish(catalog.exercise(
                UUID.randomUUID(), 1, new Dosage(1, 11, 10), new Dosage(1, 8, 5), new Dosage(2, 12, 15)));
        // Volume (sets x reps x seconds) rises by at most 25% a step: the second set comes with
        // fewer reps and a second less hold (180 -> 224), not as a doubling to 2 x 12 x 15 s.
        List<Map<String, Integer>> expected = List.of(
                Map.of("sets", 1, "reps", 12, "holdSeconds", 10),
                Map.of("sets", 1, "reps", 12, "holdSeconds", 12),
                Map.of("sets", 1, "reps", 12, "holdSeconds", 15),
                Map.of("sets", 2, "reps", 8, "holdSeconds", 14),
                Map.of("sets", 2, "reps", 9, "holdSeconds", 14),
                Map.of("sets", 2, "reps", 10, "holdSeconds", 14),
                Map.of("sets", 2, "reps", 11, "holdSeconds", 14),
                Map.of("sets", 2, "reps", 12, "holdSeconds", 14),
                Map.of("sets", 2, "reps", 12, "holdSeconds", 15),
                Map.of("sets", 2, "reps", 12, "holdSeconds", 15));
        for (Map<String, Integer> dose : expected) {
            JsonPath report = report(Sessions.report(bounded.id(), 2, 2, 2));
            JsonPath checkedIn = checkIn(report.getString("id"), 0, 0);
            assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("sweet-spot");
            assertThat(checkedIn.getMap("recommendation.dosage")).isEqualTo(dose);
        }
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, bounded.id())
                .then()
                .body("[0].reason", containsString("top of the exercise's range"));
    }

    @Test
    void aFlareAfterAStepUpReturnsToTheLastDoseThatSettled() {
        ExercisePublished rows = catalog.publish(catalog.exercise(
                UUID.randomUUID(), 1, new Dosage(1, 12, 5), new Dosage(1, 6, 5), new Dosage(3, 12, 5)));
        JsonPath comfortable = report(Sessions.report(rows.id(), 2, 2, 2));
        JsonPath stepped = checkIn(comfortable.getString("id"), 0, 0);
        assertThat(stepped.getString("recommendation.zone")).isEqualTo("sweet-spot");
        assertThat(stepped.getMap("recommendation.dosage")) // a second set, fewer reps: 60 -> 70 s
                .isEqualTo(Map.of("sets", 2, "reps", 7, "holdSeconds", 5));

        JsonPath flare = report(Sessions.report(rows.id(), 2, 7, 4));
        assertThat(flare.getString("recommendation.zone")).isEqualTo("scale-back");
        assertThat(flare.getMap("recommendation.dosage"))
                .as("back to what was tolerated, not one rep below the new dose (2 x 6)")
                .isEqualTo(Map.of("sets", 1, "reps", 12, "holdSeconds", 5));
        assertThat(flare.getString("recommendation.reason")).contains("the last dose that settled");
        assertThat(flare.getList("recommendation.basedOnReports")).contains(comfortable.getString("id"));

        // Every recommendation in the audit trail names the rules and thresholds it was made with.
        List<Map<String, Object>> trail = given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, rows.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("ruleSet");
        assertThat(trail)
                .hasSize(3)
                .allSatisfy(rules -> assertThat(rules)
                        .containsEntry("version", "progression-3")
                        .containsEntry("acceptableMax", 5)
                        .containsEntry("stopAt", 8)
                        .containsEntry("maxStepIncreasePercent", 25)
                        .containsEntry("morningTrendWindow", "PT168H")
                        .containsEntry("checkInOpensAt", "04:00")
                        .containsEntry("checkInDays", 2)
                        .containsKeys("sweetSpotMax", "settledMargin", "meaningfulChange", "holdStepSeconds"));
    }

    @Test
    void aSessionShortOfTheDoseMakesWhatWasDoneTheNextDose() {
        ExercisePublished rows = catalog.publish(catalog.exercise(
                UUID.randomUUID(), 1, new Dosage(2, 12, 5), new Dosage(1, 6, 5), new Dosage(3, 15, 5)));
        Map<String, Object> oneSet = Sessions.body(rows.id(), 1, 1); // one set of 10 reps, 5 s
        String session = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(oneSet)
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = Sessions.report(rows.id(), 2, 2, 2);
        body.put("sessionId", session);
        JsonPath held = report(body);
        assertThat(held.getString("recommendation.zone")).isEqualTo("hold");
        assertThat(held.getMap("recommendation.dosage")).isEqualTo(Map.of("sets", 1, "reps", 10, "holdSeconds", 5));
        assertThat(held.getString("recommendation.reason"))
                .contains("recorded 1 set of 10 reps, 5 s hold, less than the 2 sets of 12 reps, 5 s hold prescribed");

        // It settles: the step is from what was done (1 x 10 -> 1 x 11), not from 2 x 12.
        JsonPath stepped = checkIn(held.getString("id"), 0, 0);
        assertThat(stepped.getString("recommendation.zone")).isEqualTo("sweet-spot");
        assertThat(stepped.getMap("recommendation.dosage")).isEqualTo(Map.of("sets", 1, "reps", 11, "holdSeconds", 5));
    }

    @Test
    void scalingBackNeverGoesBelowTheRange() {
        ExercisePublished lowest = catalog.publish(catalog.exercise(
                UUID.randomUUID(), 1, new Dosage(1, 8, 5), new Dosage(1, 8, 5), new Dosage(3, 12, 15)));
        JsonPath report = report(Sessions.report(lowest.id(), 0, 6, 6));
        assertThat(report.getString("recommendation.zone")).isEqualTo("scale-back");
        assertThat(report.getMap("recommendation.dosage")).isEqualTo(Map.of("sets", 1, "reps", 8, "holdSeconds", 5));
        assertThat(report.getString("recommendation.reason")).contains("lowest dose");
    }

    @Test
    void aReportCanNameTheMembersOwnSessionOnly() {
        String other = Sessions.member();
        String otherSession = given().auth()
                .oauth2(TestTokens.member(other, "employer-o"))
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", other)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = Sessions.report(exercise.id(), 0, 2, 2);
        body.put("sessionId", otherSession);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSessionIsReportedOnceAndARetryStillAnswersTheFirstReport() {
        String session = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = Sessions.report(exercise.id(), 0, 2, 2);
        body.put("sessionId", session);
        String key = UUID.randomUUID().toString();
        String first = given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String firstId = JsonPath.from(first).getString("id");

        String retry = given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        assertThat(retry).isEqualTo(first);

        // A second report of the same session, with another key or none, would be a second step.
        for (String otherKey : new String[] {UUID.randomUUID().toString(), null}) {
            var request = given().auth().oauth2(token).contentType("application/json");
            if (otherKey != null) {
                request = request.header("Idempotency-Key", otherKey);
            }
            request.body(withSession(session))
                    .post("/api/v1/members/{m}/tolerance-reports", member)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/session-already-reported"))
                    .body("detail", containsString(firstId))
                    .body("detail", containsString("morning-check-in"));
        }
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, exercise.id())
                .then()
                .body("size()", equalTo(1));
    }

    private Map<String, Object> withSession(String session) {
        Map<String, Object> body = Sessions.report(exercise.id(), 0, 1, 1);
        body.put("sessionId", session);
        return body;
    }

    @Test
    void aRetriedReportWithTheSameIdempotencyKeyIsClassifiedOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Sessions.report(exercise.id(), 1, 2, 2);
        String first = given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String retry = given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .asString();
        assertThat(retry).isEqualTo(first);
        given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(Sessions.report(exercise.id(), 1, 4, 4))
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, exercise.id())
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void aReportIsCheckedInOnceAndOnlyByItsMember() {
        JsonPath report = report(Sessions.report(exercise.id(), 0, 2, 2));
        String id = report.getString("id");
        String other = Sessions.member();
        given().auth()
                .oauth2(TestTokens.member(other, "employer-o"))
                .contentType("application/json")
                .body(Map.of("morningPain", 0, "morningStiffness", 0))
                .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", other, id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.member(other, "employer-o"))
                .get("/api/v1/members/{m}/tolerance-reports/{r}", member, id)
                .then()
                .statusCode(403);
        checkIn(id, 0, 0);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("morningPain", 0, "morningStiffness", 0))
                .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", member, id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aCheckInAMinuteAfterItsReportIsRefusedSayingWhenItOpensInTheMembersZone() {
        Map<String, Object> body = Sessions.report(exercise.id(), 1, 2, 2);
        body.put("timeZone", "America/New_York");
        String id = report(body).getString("id");
        JsonPath refused = checkInNow(id, 0, 0)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/check-in-not-open"))
                .body("detail", containsString("04:00 America/New_York"))
                .extract()
                .jsonPath();
        java.time.Instant opens = java.time.Instant.parse(refused.getString("opensAt"));
        assertThat(opens.atZone(java.time.ZoneId.of("America/New_York")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(4, 0));
        assertThat(opens).isAfter(java.time.Instant.now());
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/tolerance-reports/{r}", member, id)
                .then()
                .statusCode(200)
                .body("morningPain", nullValue())
                .body("recommendation.zone", equalTo("hold"));
    }

    @Test
    void theTokensZoneinfoDecidesTheLocalDayWhenTheReportSaysNone() {
        String zoned = TestTokens.member(member, "employer-z", "Pacific/Auckland");
        String id = given().auth()
                .oauth2(zoned)
                .contentType("application/json")
                .body(Sessions.report(exercise.id(), 1, 2, 2))
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(zoned)
                .contentType("application/json")
                .body(Map.of("morningPain", 0, "morningStiffness", 0))
                .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", member, id)
                .then()
                .statusCode(409)
                .body("detail", containsString("Pacific/Auckland"));

        Map<String, Object> bad = Sessions.report(exercise.id(), 1, 2, 2);
        bad.put("timeZone", "Mars/Olympus");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(bad)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-time-zone"))
                .body("detail", containsString("Mars/Olympus"));
    }

    @Test
    void aCheckInDaysLaterIsRefusedAsClosed() {
        String id = report(Sessions.report(exercise.id(), 1, 2, 2)).getString("id");
        Backdate.member(dataSource, member, java.time.Duration.ofDays(3));
        checkInNow(id, 0, 0)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/check-in-closed"))
                .body("closesAt", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("counted until"));
        currentDosage().body("dosage.reps", equalTo(10));
    }

    @Test
    void morningValuesWithTheReportCountOnlyForASessionOnAnEarlierLocalDay() {
        String session = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 2))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = Sessions.report(exercise.id(), 1, 2, 2);
        body.put("sessionId", session);
        body.put("morningPain", 0);
        body.put("morningStiffness", 0);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(409)
                .body("type", endsWith("/check-in-not-open"));
        Map<String, Object> noSession = new java.util.LinkedHashMap<>(body);
        noSession.remove("sessionId");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(noSession)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(409)
                .body("detail", containsString("names no session"));

        Backdate.member(dataSource, member, Backdate.NEXT_MORNING); // the session was two days ago
        JsonPath stepped = report(body);
        assertThat(stepped.getString("recommendation.zone")).isEqualTo("sweet-spot");
        assertThat(stepped.getInt("recommendation.dosage.reps")).isEqualTo(11);
    }

    @Test
    void threeSweetSpotCheckInsOnOneDayMoveTheDoseOneStep() {
        List<String> reports = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(report(Sessions.report(exercise.id(), 1, 2, 2)).getString("id"));
        }
        Backdate.member(dataSource, member, Backdate.NEXT_MORNING);
        List<Map<String, Integer>> doses = new java.util.ArrayList<>();
        for (String id : reports) {
            JsonPath checkedIn = checkInNow(id, 0, 0).statusCode(200).extract().jsonPath();
            assertThat(checkedIn.getString("recommendation.zone")).isEqualTo("sweet-spot");
            doses.add(checkedIn.getMap("recommendation.dosage"));
        }
        assertThat(doses)
                .containsExactly(
                        Map.of("sets", 2, "reps", 11, "holdSeconds", 5),
                        Map.of("sets", 2, "reps", 11, "holdSeconds", 5),
                        Map.of("sets", 2, "reps", 11, "holdSeconds", 5));
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}/recommendations", member, exercise.id())
                .then()
                .body("[0].reason", containsString("steps up at most once a day"));

        // The next day it may step again.
        String tomorrow = report(Sessions.report(exercise.id(), 1, 2, 2)).getString("id");
        assertThat(checkIn(tomorrow, 0, 0).getInt("recommendation.dosage.reps")).isEqualTo(12);
    }

    private JsonPath report(Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The next morning: the member's history moves back two days, then the check-in. */
    private JsonPath checkIn(String reportId, int morningPain, int stiffness) {
        Backdate.member(dataSource, member, Backdate.NEXT_MORNING);
        return checkInNow(reportId, morningPain, stiffness)
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private io.restassured.response.ValidatableResponse checkInNow(String reportId, int morningPain, int stiffness) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("morningPain", morningPain, "morningStiffness", stiffness))
                .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", member, reportId)
                .then();
    }

    private io.restassured.response.ValidatableResponse currentDosage() {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}", member, exercise.id())
                .then()
                .statusCode(200);
    }
}
