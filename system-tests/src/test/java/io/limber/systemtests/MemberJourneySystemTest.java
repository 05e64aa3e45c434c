package io.limber.systemtests;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole suite from the outside: PostgreSQL, Kafka and the three packaged services as separate
 * processes, driven only through their HTTP APIs (as the portal and the editors' tool do) and the
 * public topics (as a downstream consumer does).
 *
 * <p>The story: editors publish a strengthening exercise and a desk-break program with it; the
 * session and reminder services take it from the catalog topic; a member sets reminder
 * preferences, records two sessions with tolerance reports, the second painful enough to scale
 * the dose back; the next prompt moves a full interval after each session and, once it comes,
 * suggests a gentler exercise than the strengthening one, which a control member without the
 * scale-back is offered; the events on the topics parse as CloudEvents and match their schemas;
 * the member erases their data and it is gone from both services, the control member's stays.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MemberJourneySystemTest {

    private static final String EXERCISES = "/api/v1/exercises";
    private static final String PROGRAMS = "/api/v1/programs";
    private static final String PREFERENCES = "/api/v1/me/reminder-preferences";
    private static final String PROMPTS = "/api/v1/me/prompts";

    /** The shortest interval preferences allow, so a prompt is due within about a minute. */
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private static RunningSuite suite;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String employer = "acme-" + run;
    private final String member = "member-" + run;
    private final String controlMember = "control-" + run;
    private final String stoppedMember = "stopped-" + run;
    private final String clearedMember = "cleared-" + run;
    private final long started = System.nanoTime();

    @BeforeAll
    static void startSuite() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // A service that accepts a connection and never answers fails the call, not the whole run.
        RestAssured.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", 15_000));
        suite = RunningSuite.start();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aPublishedExerciseReachesSessionsAndPromptsAndErasureRemovesTheMemberEverywhere() {
        String editor = suite.token("editor-" + run, null, "content-editor");
        String reviewer = suite.token("reviewer-" + run, null, "clinical-reviewer");
        String memberToken = suite.token(member, employer, "member");
        String controlToken = suite.token(controlMember, employer, "member");

        step("editors publish");
        // 1. Editors publish a strengthening exercise and a desk-break program containing it.
        String slug = "incline-wall-push-up-" + run; // sorts before the seeded desk-break exercises
        String exerciseId = create(editor, EXERCISES, strengthExercise(slug));
        review(editor, reviewer, EXERCISES, exerciseId);
        given().baseUri(suite.contentUrl())
                .get(EXERCISES + "/" + exerciseId)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("kind", equalTo("strengthen"));
        String programId = create(editor, PROGRAMS, deskBreakProgram("desk-strength-" + run, exerciseId));
        review(editor, reviewer, PROGRAMS, programId);

        step("catalog published");
        // 2. session-service has it from the catalog topic: the catalog default is the member's dose.
        Response dose = await("session-service reads the exercise from the catalog topic")
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> as(memberToken, suite.sessionUrl())
                                .get("/api/v1/members/{m}/dosages/{e}", member, exerciseId),
                        response -> response.statusCode() == 200);
        assertThat(dosage(dose.jsonPath(), "dosage")).containsExactly(2, 10, 2);

        step("session-service has the exercise");
        // 3. Both members ask for prompts in working hours that contain "now", every minute.
        Instant beforePut = Instant.now();
        Instant firstPlanned = putPreferences(memberToken);
        putPreferences(controlToken);
        assertThat(firstPlanned)
                .isBetween(beforePut.plus(INTERVAL), Instant.now().plus(INTERVAL));

        // Two more members with the same preferences stop the exercise (pain 9/10); a clinician of
        // their employer clears it for one of them. Their first prompts come with everyone's.
        String stoppedToken = suite.token(stoppedMember, employer, "member");
        String clearedToken = suite.token(clearedMember, employer, "member");
        String clinicianToken = suite.token("clinician-" + run, employer, "clinician");
        for (String[] who : new String[][] {{stoppedMember, stoppedToken}, {clearedMember, clearedToken}}) {
            putPreferences(who[1]);
            JsonPath stop = report(who[1], who[0], exerciseId, null, 9);
            assertThat(stop.getString("recommendation.zone")).isEqualTo("stop");
        }
        as(clearedToken, suite.sessionUrl())
                .body(Map.of("note", "self-cleared"))
                .post("/api/v1/members/{m}/dosages/{e}/clearance", clearedMember, exerciseId)
                .then()
                .statusCode(403);
        JsonPath cleared = as(clinicianToken, suite.sessionUrl())
                .body(Map.of("note", "Assessed: muscular; resume gently"))
                .post("/api/v1/members/{m}/dosages/{e}/clearance", clearedMember, exerciseId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(dosage(cleared, "dosage")).containsExactly(2, 9, 2); // one step below 2 x 10 x 2 s

        // 4. A comfortable session: hold, and the next prompt moves a full interval after it.
        Instant firstEnd = Instant.now();
        String firstSession = recordSession(memberToken, exerciseId, firstEnd);
        JsonPath firstReport = report(memberToken, exerciseId, firstSession, 3);
        assertThat(firstReport.getString("recommendation.zone")).isEqualTo("hold");
        assertThat(dosage(firstReport, "recommendation.dosage")).containsExactly(2, 10, 2);
        awaitNextPrompt(memberToken, firstEnd.truncatedTo(ChronoUnit.MICROS).plus(INTERVAL));

        // 5. A painful one (pain during 7 > 5): scale back one step, and the prompt moves again.
        Instant secondEnd = Instant.now();
        String secondSession = recordSession(memberToken, exerciseId, secondEnd);
        JsonPath secondReport = report(memberToken, exerciseId, secondSession, 7);
        assertThat(secondReport.getString("recommendation.zone")).isEqualTo("scale-back");
        assertThat(dosage(secondReport, "recommendation.previousDosage")).containsExactly(2, 10, 2);
        assertThat(dosage(secondReport, "recommendation.dosage")).containsExactly(2, 9, 2);
        Instant secondPlanned = secondEnd.truncatedTo(ChronoUnit.MICROS).plus(INTERVAL);
        awaitNextPrompt(memberToken, secondPlanned);

        step("two sessions recorded");
        // 6. The prompt comes and suggests a gentler desk break; the control member, with the same
        // preferences and no scale-back, is offered the strengthening exercise that sorts first.
        JsonPath prompt = awaitFirstPrompt(memberToken);
        assertThat(Instant.parse(prompt.getString("dueAt"))).isEqualTo(secondPlanned);
        assertThat(prompt.getString("suggestion.slug")).isEqualTo("scapular-clocks");
        // The seed's desk-break program gives scapular clocks 1 x 3, 3 s (its default is 1 x 5).
        assertThat(dosage(prompt, "suggestion")).containsExactly(1, 3, 3);
        String suggestedKind = given().baseUri(suite.contentUrl())
                .get(EXERCISES + "/" + prompt.getString("suggestion.exerciseId"))
                .then()
                .statusCode(200)
                .extract()
                .path("kind");
        assertThat(suggestedKind).isNotEqualTo("strengthen");

        JsonPath controlPrompt = awaitFirstPrompt(controlToken);
        assertThat(controlPrompt.getString("suggestion.exerciseId")).isEqualTo(exerciseId);
        assertThat(dosage(controlPrompt, "suggestion")).containsExactly(2, 10, 2);

        // The stopped member is never offered the exercise; once cleared, it comes back at the cleared dose.
        JsonPath stoppedPrompt = awaitFirstPrompt(stoppedToken);
        assertThat(stoppedPrompt.getString("suggestion.exerciseId")).isNotEqualTo(exerciseId);
        JsonPath clearedPrompt = awaitFirstPrompt(clearedToken);
        assertThat(clearedPrompt.getString("suggestion.exerciseId")).isEqualTo(exerciseId);
        assertThat(dosage(clearedPrompt, "suggestion")).containsExactly(2, 9, 2);

        step("prompts received");
        // 7. A consumer reads the same story from the topics with the CloudEvents SDK.
        try (EventConsumer consumer =
                new EventConsumer(suite.kafkaBootstrapServers(), Set.of(Topic.SESSIONS.name(), Topic.PROMPTS.name()))) {
            List<EventConsumer.Received> sessionEvents = await("the member's four session events")
                    .atMost(PROPAGATION)
                    .until(() -> consumer.read(r -> isAbout(r, Topic.SESSIONS, member)), l -> l.size() >= 4);
            assertThat(sessionEvents)
                    .extracting(r -> r.event().getType())
                    .containsExactly(
                            EventTypes.SESSION_COMPLETED,
                            EventTypes.TOLERANCE_REPORTED,
                            EventTypes.SESSION_COMPLETED,
                            EventTypes.TOLERANCE_REPORTED);
            sessionEvents.forEach(r -> assertContractEvent(r, "/session-service", member));
            assertThat(sessionEvents)
                    .extracting(r -> r.data().path("sessionId").asText())
                    .containsExactly(firstSession, firstSession, secondSession, secondSession);
            assertThat(sessionEvents)
                    .extracting(r -> r.data().path("reportId").asText(null))
                    .containsExactly(null, firstReport.getString("id"), null, secondReport.getString("id"));
            assertThat(sessionEvents.get(3).data().path("zone").asText()).isEqualTo("scale-back");

            List<EventConsumer.Received> promptEvents = await("both members' prompts")
                    .atMost(PROPAGATION)
                    .until(
                            () -> consumer.read(
                                    r -> isAbout(r, Topic.PROMPTS, member) || isAbout(r, Topic.PROMPTS, controlMember)),
                            l -> l.stream()
                                            .map(EventConsumer.Received::key)
                                            .distinct()
                                            .count()
                                    == 2);
            promptEvents.forEach(r -> assertContractEvent(r, "/reminder-service", r.key()));
            EventConsumer.Received due = promptEvents.stream()
                    .filter(r -> r.key().equals(member))
                    .findFirst()
                    .orElseThrow();
            assertThat(due.event().getType()).isEqualTo(EventTypes.PROMPT_DUE);
            assertThat(due.data().path("promptId").asText()).isEqualTo(prompt.getString("id"));
            assertThat(due.data().path("suggestion").path("slug").asText()).isEqualTo("scapular-clocks");

            step("events checked");
            // 8. The member erases their data: gone from session-service at once...
            as(memberToken, suite.sessionUrl())
                    .delete("/api/v1/members/{m}/data", member)
                    .then()
                    .statusCode(204);
            as(memberToken, suite.sessionUrl())
                    .get("/api/v1/members/{m}/sessions", member)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
            for (String session : List.of(firstSession, secondSession)) {
                as(memberToken, suite.sessionUrl())
                        .get("/api/v1/members/{m}/sessions/{s}", member, session)
                        .then()
                        .statusCode(404);
            }
            as(memberToken, suite.sessionUrl())
                    .get("/api/v1/members/{m}/tolerance-reports/{r}", member, secondReport.getString("id"))
                    .then()
                    .statusCode(404);
            as(memberToken, suite.sessionUrl())
                    .get("/api/v1/members/{m}/dosages", member)
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));

            // ...announced to every consumer...
            List<EventConsumer.Received> erased = await("limber.member.erased")
                    .atMost(PROPAGATION)
                    .until(
                            () -> consumer.read(r -> isAbout(r, Topic.SESSIONS, member)
                                    && r.event().getType().equals(EventTypes.MEMBER_ERASED)),
                            l -> !l.isEmpty());
            assertContractEvent(erased.get(0), "/session-service", member);
        }

        // ...and from reminder-service once it has read that: no schedule, history or preferences.
        await("reminder-service erases the member")
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonPath prefs = as(memberToken, suite.reminderUrl())
                            .get(PREFERENCES)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    assertThat(prefs.getBoolean("customised")).isFalse();
                    assertThat(prefs.getString("nextPromptAt")).isNull();
                    assertThat(prompts(memberToken)).isEmpty();
                });
        JsonPath controlPrefs = as(controlToken, suite.reminderUrl())
                .get(PREFERENCES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(controlPrefs.getBoolean("customised")).isTrue();
        assertThat(prompts(controlToken)).isNotEmpty();
        step("erased everywhere");
    }

    /** Where the time goes, for a run that is slower than it should be. */
    private void step(String what) {
        System.out.printf("[system-tests] %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    private static RequestSpecification as(String token, String baseUri) {
        return given().baseUri(baseUri).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String create(String editor, String path, Map<String, Object> body) {
        return as(editor, suite.contentUrl())
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Submitted by the editor, approved and published by a clinical reviewer, another person. */
    private static void review(String editor, String reviewer, String path, String id) {
        as(editor, suite.contentUrl()).post(path + "/" + id + "/submit").then().statusCode(200);
        as(reviewer, suite.contentUrl())
                .post(path + "/" + id + "/approve")
                .then()
                .statusCode(200);
        as(reviewer, suite.contentUrl())
                .post(path + "/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("state", equalTo("published"));
    }

    /**
     * Working hours that contain "now" whatever the clock says when this runs: a fixed-offset zone
     * (no daylight saving) where it is now between 12:00 and 13:00, today as the only working day.
     */
    private Instant putPreferences(String token) {
        Instant now = Instant.now();
        int offsetHours = 12 - now.atOffset(ZoneOffset.UTC).getHour(); // -11 to +12
        // POSIX naming: Etc/GMT-3 is three hours ahead of UTC.
        String zone = offsetHours == 0 ? "Etc/GMT" : "Etc/GMT" + (offsetHours > 0 ? "-" : "+") + Math.abs(offsetHours);
        DayOfWeek today = now.atOffset(ZoneOffset.ofHours(offsetHours)).getDayOfWeek();
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("timeZone", zone);
        prefs.put("workingDays", List.of(today.name()));
        prefs.put("workingWindows", List.of(Map.of("start", "08:00", "end", "18:00")));
        prefs.put("intervalMinutes", (int) INTERVAL.toMinutes());
        prefs.put("equipment", List.of("wall"));
        prefs.put("positions", List.of("standing"));
        prefs.put("channels", List.of("push"));
        JsonPath saved = as(token, suite.reminderUrl())
                .body(prefs)
                .put(PREFERENCES)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(saved.getBoolean("customised")).isTrue();
        assertThat(saved.getString("timeZone")).isEqualTo(zone);
        return Instant.parse(saved.getString("nextPromptAt"));
    }

    private String recordSession(String token, String exerciseId, Instant endedAt) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("exerciseId", exerciseId);
        session.put("exerciseRevision", 1);
        session.put("startedAt", endedAt.minus(Duration.ofMinutes(10)).toString());
        session.put("endedAt", endedAt.toString());
        session.put(
                "sets",
                List.of(
                        Map.of("side", "both", "reps", 10, "holdSeconds", 2),
                        Map.of("side", "both", "reps", 10, "holdSeconds", 2)));
        return as(token, suite.sessionUrl())
                .body(session)
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private JsonPath report(String token, String exerciseId, String sessionId, int painDuring) {
        return report(token, member, exerciseId, sessionId, painDuring);
    }

    private static JsonPath report(String token, String memberId, String exerciseId, String sessionId, int painDuring) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("exerciseId", exerciseId);
        if (sessionId != null) {
            report.put("sessionId", sessionId);
        }
        report.put("painBefore", 2);
        report.put("painDuring", painDuring);
        report.put("painAfter", 2);
        report.put("effort", 6);
        return as(token, suite.sessionUrl())
                .body(report)
                .post("/api/v1/members/{m}/tolerance-reports", memberId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** reminder-service has read the session from the topic: the next prompt is due then. */
    private static void awaitNextPrompt(String token, Instant expected) {
        await("next prompt at " + expected)
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> as(token, suite.reminderUrl())
                                .get(PREFERENCES)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("nextPromptAt"),
                        next -> next != null && Instant.parse((String) next).equals(expected));
    }

    /** The member's only prompt, due about a minute after their latest movement break. */
    private static JsonPath awaitFirstPrompt(String token) {
        JsonPath history = await("a prompt")
                .atMost(INTERVAL.plus(PROPAGATION).plus(PROPAGATION))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> as(token, suite.reminderUrl())
                                .get(PROMPTS)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> !json.getList("$").isEmpty());
        assertThat(history.getList("$")).hasSize(1);
        return history.setRootPath("[0]");
    }

    private static List<Object> prompts(String token) {
        return as(token, suite.reminderUrl())
                .get(PROMPTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static List<Integer> dosage(JsonPath json, String path) {
        List<Integer> values = new ArrayList<>();
        for (String field : List.of("sets", "reps", "holdSeconds")) {
            values.add(json.getInt(path + "." + field));
        }
        return values;
    }

    private static boolean isAbout(EventConsumer.Received r, Topic topic, String memberId) {
        return r.topic().equals(topic.name()) && memberId.equals(r.key());
    }

    /** What the contract promises every consumer about an event, whatever its type. */
    private static void assertContractEvent(EventConsumer.Received r, String source, String memberId) {
        CloudEvent event = r.event();
        String what = event.getType() + " " + event.getId();
        assertThat(event.getSpecVersion()).as(what).isEqualTo(SpecVersion.V1);
        assertThat(UUID.fromString(event.getId())).as(what).isNotNull();
        assertThat(event.getSource()).as(what).isEqualTo(URI.create(source));
        assertThat(event.getSubject()).as(what).isEqualTo(memberId);
        assertThat(event.getTime()).as(what).isNotNull();
        assertThat(event.getDataSchema()).as(what).isEqualTo(URI.create(EventTypes.dataSchema(event.getType(), 1)));
        assertThat(event.getDataContentType()).as(what).isEqualTo("application/json");
        assertThat(r.data()).as(what + " data").isNotNull();
        assertThat(EventConsumer.schemaViolations(event.getType(), r.data()))
                .as(what + " against its JSON Schema: " + r.data())
                .isEmpty();
        assertThat(r.data().path("memberId").asText()).as(what).isEqualTo(memberId);
    }

    private static Map<String, Object> strengthExercise(String slug) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", "Incline wall push-up");
        e.put("kind", "strengthen");
        e.put(
                "summary",
                "A push-up against the wall that strengthens the chest and the muscles around the shoulder"
                        + " blades without getting down on the floor.");
        e.put("regions", List.of("chest", "shoulder-blades", "arms"));
        e.put("muscles", List.of("serratus anterior", "pectoralis major", "triceps"));
        e.put("equipment", List.of("wall"));
        e.put("position", "standing");
        e.put("laterality", "bilateral");
        e.put("startPosition", "Stand an arm's length from a wall, hands on it at shoulder height.");
        e.put("steps", List.of("Bend the elbows and bring the chest toward the wall.", "Push back to the start."));
        e.put("mayFeel", List.of("Work in the chest and the back of the arms"));
        e.put("safetyNotes", List.of("Keep the body in one line from head to heels."));
        e.put("defaultDosage", Map.of("sets", 2, "reps", 10, "holdSeconds", 2));
        e.put(
                "dosageBounds",
                Map.of(
                        "min", Map.of("sets", 1, "reps", 6, "holdSeconds", 1),
                        "max", Map.of("sets", 4, "reps", 15, "holdSeconds", 5)));
        e.put("author", Map.of("name", "System Test Therapist", "credentials", "PT, DPT"));
        e.put("tags", List.of("desk", "push"));
        return e;
    }

    private static Map<String, Object> deskBreakProgram(String slug, String exerciseId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("slug", slug);
        p.put("name", "Desk strength break " + slug.toUpperCase(Locale.ROOT));
        p.put("purpose", "A quick strengthening break at the desk.");
        p.put("items", List.of(Map.of("exerciseId", exerciseId, "dosage", Map.of("sets", 2, "reps", 10))));
        p.put("estimatedMinutes", 3);
        p.put("tags", List.of("desk-break"));
        return p;
    }
}
