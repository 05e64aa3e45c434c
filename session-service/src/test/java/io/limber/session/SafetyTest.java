package io.limber.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.TestTokens;
import io.limber.session.repository.ToleranceReportRepository;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import static io.limber.session.support.SessionTopic.assertMatchesSchema;
import static io.limber.session.support.SessionTopic.awaitForMember;
import static io.limber.session.support.SessionTopic.header;
import static io.limber.session.support.SessionTopic.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Clinical safety through the real API and broker: a stop holds until the member's clinician
 * clears it, a red flag is urgent, pauses every exercise and reaches the clinicians' queue, and
 * only a clinician of the member's employer acts on either.
 */
@QuarkusTest
class SafetyTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ToleranceReportRepository reports;

    ExercisePublished exercise; // 2 x 10 reps, 5 s hold; bounds 1-3 sets, 8-12 reps, 5-15 s
    String member;
    String employer;
    String token;
    String clinician;

    @BeforeEach
    void freshMemberAndExercise() {
        exercise = catalog.publishNew();
        member = Sessions.member();
        employer = "employer-" + UUID.randomUUID();
        token = TestTokens.member(member, employer);
        clinician = "clinician-" + UUID.randomUUID();
    }

    @Test
    void onlyTheMembersClinicianClearsAStopAndTheExerciseResumesOneStepBelowTheDoseBeforeIt() {
        clearance(TestTokens.clinician(clinician, employer), "not a member of mine yet")
                .statusCode(404)
                .contentType("application/problem+json");
        report(Sessions.report(exercise.id(), 0, 2, 2)).body("recommendation.zone", equalTo("hold"));
        clearance(TestTokens.clinician(clinician, employer), "nothing to clear yet")
                .statusCode(409)
                .contentType("application/problem+json");
        report(Sessions.report(exercise.id(), 0, 8, 8)).body("recommendation.zone", equalTo("stop"));
        currentDosage()
                .body("stopped", equalTo(true))
                .body("state", equalTo("stopped"))
                .body("dosage", nullValue());

        Map<String, Object> memberClears = Map.of("note", "I feel fine", "clearedBy", "Dr. Me");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(memberClears)
                .post("/api/v1/members/{m}/dosages/{e}/clearance", member, exercise.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        clearance(TestTokens.clinician("clinician-elsewhere", "employer-other"), "not my member")
                .statusCode(404)
                .contentType("application/problem+json");
        clearance(TestTokens.clinician(clinician, employer), " ")
                .statusCode(400)
                .contentType("application/problem+json");
        clearance(TestTokens.clinician(clinician, null), "no employer in my token")
                .statusCode(403)
                .contentType("application/problem+json");
        currentDosage().body("stopped", equalTo(true));

        clearance(TestTokens.clinician(clinician, employer), "Assessed: mechanical pain; resume gently")
                .statusCode(201)
                .body("zone", equalTo("hold"))
                .body("ruleSet.version", equalTo("progression-3"))
                .body("previousDosage.reps", equalTo(10))
                .body("dosage.sets", equalTo(2))
                .body("dosage.reps", equalTo(9))
                .body("reason", containsString("Cleared to resume by clinician " + clinician))
                .body("reason", containsString("one step below"));
        currentDosage()
                .body("stopped", equalTo(false))
                .body("state", equalTo("cleared"))
                .body("dosage.reps", equalTo(9));
        clearance(TestTokens.clinician(clinician, employer), "again").statusCode(409);

        List<ConsumerRecord<String, String>> events =
                awaitForMember(bootstrapServers, member, 5, Duration.ofSeconds(30));
        assertThat(events)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly(
                        EventTypes.TOLERANCE_REPORTED,
                        EventTypes.TOLERANCE_REPORTED,
                        EventTypes.SAFETY_FLAG_RAISED,
                        EventTypes.SAFETY_FLAG_RESOLVED,
                        EventTypes.EXERCISE_CLEARED);
        events.forEach(r -> assertMatchesSchema(header(r, "ce_type"), json(r.value())));
        assertThat(json(events.get(0).value()).path("exerciseState").asText()).isEqualTo("active");
        JsonNode stopped = json(events.get(1).value());
        assertThat(stopped.path("exerciseState").asText()).isEqualTo("stopped");
        assertThat(stopped.path("memberPaused").asBoolean()).isFalse();
        JsonNode cleared = json(events.get(4).value());
        assertThat(cleared.path("clearedBy").asText()).isEqualTo(clinician);
        assertThat(cleared.path("recommendation").path("reps").asInt()).isEqualTo(9);
        assertThat(cleared.path("flagId").asText())
                .isEqualTo(json(events.get(2).value()).path("flagId").asText());
        assertThat(json(events.get(3).value()).path("memberPaused").asBoolean()).isFalse();
    }

    @Test
    void painBeforeTheSessionAtTheStopThresholdStops() {
        report(Sessions.report(exercise.id(), 9, 2, 2))
                .body("recommendation.zone", equalTo("stop"))
                .body("recommendation.reason", containsString("9/10 before the session"));
        currentDosage().body("stopped", equalTo(true));
    }

    @Test
    void aRedFlagIsUrgentPausesEveryExerciseAndWaitsInTheQueueUntilAClinicianResolvesIt() {
        ExercisePublished other = catalog.publishNew();
        Map<String, Object> body = new HashMap<>(Sessions.report(exercise.id(), 1, 2, 2));
        body.put("redFlags", Map.of("chestPain", true, "nightPain", false));
        JsonPath urgent = report(body)
                .body("recommendation.zone", equalTo("urgent"))
                .body("recommendation.dosage", nullValue())
                .body("recommendation.reason", containsString("Chest pain or pressure reported with"))
                .body("recommendation.reason", containsString("Stop exercising now"))
                .body("redFlags", equalTo(List.of("chest-pain")))
                .extract()
                .jsonPath();
        // Every exercise is paused, not only the one reported on.
        dosageOf(other.id()).body("memberPaused", equalTo(true)).body("dosage", nullValue());
        report(Sessions.report(other.id(), 0, 1, 1))
                .body("recommendation.zone", equalTo("stop"))
                .body("recommendation.reason", containsString("paused until a clinician has reviewed"));

        String clinicianToken = TestTokens.clinician(clinician, employer);
        JsonPath queue = queue(clinicianToken, "open").statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.memberId")).containsExactly(member);
        assertThat(queue.getString("items[0].zone")).isEqualTo("urgent");
        assertThat(queue.getString("items[0].exerciseId"))
                .isEqualTo(exercise.id().toString());
        assertThat(queue.getString("items[0].exerciseName")).isEqualTo(exercise.name());
        assertThat(queue.getString("items[0].reportId")).isEqualTo(urgent.getString("id"));
        assertThat(queue.getString("items[0].reason")).contains("Chest pain");
        assertThat(queue.getString("items[0].raisedAt")).isNotBlank();
        String flag = queue.getString("items[0].id");

        // Nobody else sees it.
        queue(TestTokens.employerAdmin("admin-" + UUID.randomUUID(), employer), "open")
                .statusCode(403);
        queue(token, "open").statusCode(403);
        String elsewhere = TestTokens.clinician("clinician-elsewhere", "employer-" + UUID.randomUUID());
        queue(elsewhere, "open").statusCode(200).body("total", equalTo(0));
        flagAction(elsewhere, flag, "acknowledgement", Map.of()).statusCode(404);
        given().auth()
                .oauth2(elsewhere)
                .get("/api/v1/safety-flags/{f}", flag)
                .then()
                .statusCode(404);
        queue(clinicianToken, "pending").statusCode(400).contentType("application/problem+json");

        flagAction(clinicianToken, flag, "acknowledgement", Map.of("note", "Calling the member now"))
                .statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledgedBy", equalTo(clinician));
        flagAction(clinicianToken, flag, "acknowledgement", Map.of()).statusCode(409);
        dosageOf(other.id()).body("memberPaused", equalTo(true));
        flagAction(clinicianToken, flag, "resolution", Map.of()).statusCode(400);
        flagAction(clinicianToken, flag, "resolution", Map.of("note", "Seen by their GP: not cardiac"))
                .statusCode(200)
                .body("status", equalTo("resolved"))
                .body("resolvedBy", equalTo(clinician))
                .body("actions.action", equalTo(List.of("raised", "acknowledged", "resolved")))
                .body("actions.actor", equalTo(List.of("session-service", clinician, clinician)))
                .body("actions[2].note", equalTo("Seen by their GP: not cardiac"));
        flagAction(clinicianToken, flag, "resolution", Map.of("note", "twice")).statusCode(409);
        queue(clinicianToken, "open").body("total", equalTo(0));
        queue(clinicianToken, "resolved").body("items.id", equalTo(List.of(flag)));

        // The pause is over; the exercise that raised the flag stays stopped until it is cleared.
        dosageOf(other.id()).body("memberPaused", equalTo(false));
        currentDosage().body("stopped", equalTo(true)).body("memberPaused", equalTo(false));

        // The stop on the other exercise while paused raises no flag of its own: the urgent one covers it.
        List<ConsumerRecord<String, String>> events =
                awaitForMember(bootstrapServers, member, 4, Duration.ofSeconds(30));
        assertThat(events)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly(
                        EventTypes.TOLERANCE_REPORTED,
                        EventTypes.SAFETY_FLAG_RAISED,
                        EventTypes.TOLERANCE_REPORTED,
                        EventTypes.SAFETY_FLAG_RESOLVED);
        events.forEach(r -> assertMatchesSchema(header(r, "ce_type"), json(r.value())));
        JsonNode reported = json(events.get(0).value());
        assertThat(reported.path("zone").asText()).isEqualTo("urgent");
        assertThat(reported.path("memberPaused").asBoolean()).isTrue();
        assertThat(reported.path("exerciseState").asText()).isEqualTo("stopped");
        assertThat(reported.path("redFlags").get(0).asText()).isEqualTo("chest-pain");
        assertThat(json(events.get(1).value()).path("memberPaused").asBoolean()).isTrue();
        assertThat(json(events.get(3).value()).path("memberPaused").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "chestPain = {0}")
    @ValueSource(strings = {"\"yes\"", "1", "\"true\"", "{}", "[true]"})
    void redFlagAnswersAreBooleansOrTheReportIsRefusedAndNothingStored(String answer) {
        String body = "{\"exerciseId\": \"" + exercise.id() + "\", \"painBefore\": 1, \"painDuring\": 2,"
                + " \"painAfter\": 2, \"redFlags\": {\"chestPain\": " + answer + "}}";
        String problem = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(problem).as("the problem names the field").contains("redFlags.chestPain");
        assertThat(reports.count("memberId", member)).isZero();
    }

    private ValidatableResponse clearance(String clinicianToken, String note) {
        return given().auth()
                .oauth2(clinicianToken)
                .contentType("application/json")
                .body(Map.of("note", note))
                .post("/api/v1/members/{m}/dosages/{e}/clearance", member, exercise.id())
                .then();
    }

    private ValidatableResponse queue(String callerToken, String status) {
        return given().auth()
                .oauth2(callerToken)
                .queryParam("status", status)
                .get("/api/v1/safety-flags")
                .then();
    }

    private ValidatableResponse flagAction(String callerToken, String flag, String action, Map<String, Object> body) {
        return given().auth()
                .oauth2(callerToken)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/safety-flags/{f}/" + action, flag)
                .then();
    }

    private ValidatableResponse report(Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201);
    }

    private ValidatableResponse currentDosage() {
        return dosageOf(exercise.id());
    }

    private ValidatableResponse dosageOf(UUID exerciseId) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/dosages/{e}", member, exerciseId)
                .then()
                .statusCode(200);
    }
}
