package io.limber.reminder.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.limber.infra.test.TestTokens;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreferencesResourceTest {

    private static final String PATH = "/api/v1/me/reminder-preferences";

    @Test
    void aMemberWhoNeverSavedAnythingGetsTheDefaultsSwitchedOffInTheirTokensZone() {
        given().auth()
                .oauth2(TestTokens.member(Members.newId(), "employer-test", "America/New_York"))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("customised", equalTo(false))
                .body("timeZone", equalTo("America/New_York"))
                .body("workingDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .body("workingWindows.start", contains("09:00", "13:30"))
                .body("workingWindows.end", contains("12:30", "17:30"))
                .body("intervalMinutes", equalTo(50))
                .body("dailyCap", equalTo(8))
                .body("equipment", contains("chair", "wall"))
                .body("positions", contains("seated", "standing"))
                .body("channels", contains("push"))
                .body("enabled", equalTo(false))
                .body("nextPromptAt", nullValue());
    }

    /** Opt-in as the issue tells it: a New York member enabling prompts is prompted in New York hours. */
    @Test
    void enablingWithoutATimeZoneTakesTheTokensZoneinfoAndPromptsInThoseWorkingHours() {
        String member = Members.newId();
        String token = TestTokens.member(member, "employer-test", "America/New_York");
        String next = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", true))
                .put(PATH)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("America/New_York"))
                .body("enabled", equalTo(true))
                .body("customised", equalTo(true))
                .extract()
                .path("nextPromptAt");
        // The defaults: weekdays 09:00-12:30 and 13:30-17:30, read in New York.
        java.time.ZonedDateTime local = Instant.parse(next).atZone(java.time.ZoneId.of("America/New_York"));
        assertThat(local.getDayOfWeek()).isBetween(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
        java.time.LocalTime time = local.toLocalTime();
        assertThat((!time.isBefore(java.time.LocalTime.of(9, 0)) && !time.isAfter(java.time.LocalTime.of(12, 30)))
                        || (!time.isBefore(java.time.LocalTime.of(13, 30))
                                && !time.isAfter(java.time.LocalTime.of(17, 30))))
                .as("next prompt at %s New York time", local)
                .isTrue();
    }

    @Test
    void aFirstSaveWithoutATimeZoneWhoseTokenNamesNoneIsAProblemAskingForOne() {
        String member = Members.newId();
        String token = TestTokens.member(member, "employer-test");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("intervalMinutes", 30))
                .put(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.limber.io/time-zone-required"))
                .body("detail", containsString("timeZone"));
        given().auth().oauth2(token).get(PATH).then().body("customised", equalTo(false));

        given().auth()
                .oauth2(TestTokens.member(member, "employer-test", "Not/AZone"))
                .contentType(ContentType.JSON)
                .body(Map.of("intervalMinutes", 30))
                .put(PATH)
                .then()
                .statusCode(400)
                .body("type", equalTo("https://problems.limber.io/time-zone-required"));
    }

    @Test
    void aLaterSaveWithoutATimeZoneKeepsTheOneSaved() {
        String member = Members.newId();
        String token = TestTokens.member(member, "employer-test");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Asia/Tokyo"))
                .put(PATH)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("intervalMinutes", 40))
                .put(PATH)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("intervalMinutes", equalTo(40));
    }

    @Test
    void preferencesSavedSwitchedOffPlanNoPrompt() {
        given().auth()
                .oauth2(Members.token(Members.newId()))
                .contentType(ContentType.JSON)
                .body(Map.of("enabled", false, "intervalMinutes", 30))
                .put(PATH)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("customised", equalTo(true))
                .body("nextPromptAt", nullValue());
    }

    @Test
    void savedPreferencesComeBackAndPlanTheNextPrompt() {
        String member = Members.newId();
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("timeZone", "Europe/Berlin");
        prefs.put("workingDays", List.of("monday", "WEDNESDAY"));
        prefs.put("workingWindows", List.of(window("13:30", "17:30"), window("09:00", "12:30")));
        prefs.put("intervalMinutes", 45);
        prefs.put("quietPeriods", List.of(window("10:00", "10:15")));
        prefs.put("dailyCap", 5);
        prefs.put("equipment", List.of("chair"));
        prefs.put("positions", List.of("seated"));

        given().auth()
                .oauth2(Members.token(member))
                .contentType(ContentType.JSON)
                .body(prefs)
                .put(PATH)
                .then()
                .statusCode(200)
                .body("customised", equalTo(true))
                .body("nextPromptAt", notNullValue());

        String next = given().auth()
                .oauth2(Members.token(member))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("workingDays", contains("MONDAY", "WEDNESDAY"))
                .body("workingWindows.start", contains("09:00", "13:30"))
                .body("quietPeriods[0].end", equalTo("10:15"))
                .body("intervalMinutes", equalTo(45))
                .body("equipment", contains("chair"))
                .body("channels", contains("push")) // left out: the default
                .extract()
                .path("nextPromptAt");
        Instant nextPrompt = Instant.parse(next);
        assertThat(nextPrompt).isAfter(Instant.now());
        assertThat(nextPrompt.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek())
                .isIn(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY);
    }

    @Test
    void concurrentFirstSavesAllSucceedAndOneSettingWins() throws Exception {
        String member = Members.newId();
        String token = Members.token(member);
        int callers = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int interval = 30 + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(Map.of("intervalMinutes", interval))
                            .put(PATH)
                            .statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        int saved = given().auth()
                .oauth2(token)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("intervalMinutes");
        assertThat(saved).isBetween(30, 30 + callers - 1);
    }

    @Test
    void anUnknownTimeZoneIsABadRequest() {
        assertRejected(Map.of("timeZone", "Mars/Olympus_Mons"), "timeZone", "IANA time zone");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsABadRequest() {
        assertRejected(
                Map.of("workingWindows", List.of(window("09:00", "12:00"), window("17:00", "13:00"))),
                "workingWindows[1].end",
                "must be after start");
    }

    @Test
    void overlappingWindowsAreABadRequest() {
        assertRejected(
                Map.of("workingWindows", List.of(window("09:00", "12:00"), window("11:00", "13:00"))),
                "workingWindows",
                "must not overlap");
    }

    @Test
    void aTimeThatIsNotHoursAndMinutesIsABadRequest() {
        assertRejected(Map.of("workingWindows", List.of(window("9am", "12:00"))), "workingWindows[0].start", "HH:mm");
    }

    @Test
    void anIntervalOfZeroOrOverADayIsABadRequest() {
        assertRejected(Map.of("intervalMinutes", 0), "intervalMinutes", "at least 1 minute");
        assertRejected(Map.of("intervalMinutes", 1441), "intervalMinutes", "at most a day");
    }

    @Test
    void unknownDaysPositionsAndChannelsAreBadRequests() {
        assertRejected(Map.of("workingDays", List.of("FUNDAY")), "workingDays[0]", "day of the week");
        assertRejected(Map.of("positions", List.of("hanging")), "positions[0]", "seated, standing or lying");
        assertRejected(Map.of("channels", List.of("pigeon")), "channels[0]", "push, email or webhook");
    }

    @Test
    void theWebhookChannelNeedsAWebhookWithAWellFormedSecret() {
        assertRejected(Map.of("channels", List.of("webhook")), "webhook", "required");
        assertRejected(
                Map.of(
                        "channels",
                        List.of("webhook"),
                        "webhook",
                        Map.of("url", "https://example.com/h", "secret", "hunter2")),
                "webhook.secret",
                "whsec_");
    }

    @Test
    void webhooksToPrivateOrLoopbackTargetsAreRefused() {
        for (String url : List.of(
                "https://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://localhost:8080/hook",
                "https://[::1]/hook",
                "http://93.184.215.14/plain-http")) {
            String member = Members.newId();
            given().auth()
                    .oauth2(Members.token(member))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "channels", List.of("webhook"), "webhook", Map.of("url", url, "secret", Secrets.SECRET)))
                    .put(PATH)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("webhook.url"));
            given().auth().oauth2(Members.token(member)).get(PATH).then().body("customised", equalTo(false));
        }
    }

    @Test
    void aRejectedUpdateChangesNothing() {
        String member = Members.newId();
        given().auth()
                .oauth2(Members.token(member))
                .contentType(ContentType.JSON)
                .body(Map.of("intervalMinutes", 30))
                .put(PATH)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Members.token(member))
                .contentType(ContentType.JSON)
                .body(Map.of("intervalMinutes", 30, "timeZone", "Nowhere/Special"))
                .put(PATH)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Members.token(member))
                .get(PATH)
                .then()
                .body("intervalMinutes", equalTo(30))
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().auth()
                .oauth2(Members.token(Members.newId()))
                .contentType(ContentType.JSON)
                .body("{\"intervalMinutes\": \"often\"")
                .put(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void eachMemberSeesOnlyTheirOwnPreferences() {
        String alice = Members.newId();
        given().auth()
                .oauth2(Members.token(alice))
                .contentType(ContentType.JSON)
                .body(Map.of("intervalMinutes", 25))
                .put(PATH)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Members.token(Members.newId()))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("intervalMinutes", equalTo(50))
                .body("customised", equalTo(false));
    }

    @Test
    void onlyMembersHaveReminderPreferences() {
        given().get(PATH).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.employerAdmin("admin-1", "employer-test"))
                .get(PATH)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.editor("editor-1"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put(PATH)
                .then()
                .statusCode(403);
    }

    private static void assertRejected(Map<String, Object> body, String field, String message) {
        String member = Members.newId();
        given().auth()
                .oauth2(Members.token(member))
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(containsString(field)))
                .body("violations.message", hasItem(containsString(message)));
        given().auth()
                .oauth2(Members.token(member))
                .get(PATH)
                .then()
                .body("customised", equalTo(false))
                .body("nextPromptAt", not(notNullValue()));
    }

    private static Map<String, String> window(String start, String end) {
        return Map.of("start", start, "end", end);
    }

    static final class Secrets {
        /** 32 random bytes in the Standard Webhooks form. */
        static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    }
}
