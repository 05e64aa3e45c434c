package io.limber.reminder.security;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.infra.test.HostileInput;
import io.limber.infra.test.LimitsTestBase;
import io.limber.infra.test.RawHttp;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oversized (in LimitsTestBase, on a member's preferences), deep, wrong-typed, out-of-range and
 * hostile input: a 4xx problem, never a 5xx, never a stray row.
 */
@QuarkusTest
class LimitsTest extends LimitsTestBase {

    static final String PREFERENCES = "api/v1/me/reminder-preferences";

    String member;
    String token;
    Rows rows;

    @BeforeEach
    void freshMember() {
        member = Members.newId();
        token = Members.token(member);
        rows = new Rows(dataSource);
    }

    @Override
    protected Write write() {
        return new Write("PUT", PREFERENCES, token, 200, "timeZone");
    }

    @Override
    protected Map<String, Object> validBody() {
        return new LinkedHashMap<>(Members.alwaysWorking(30));
    }

    @Override
    protected long storedWrites() {
        return rows.one("SELECT count(*) FROM reminder_preferences WHERE member_id = ?", member);
    }

    @Override
    protected Map<String, Long> snapshot() {
        return rows.snapshot(member);
    }

    @Test
    void aPageSizeOverTheMaximumIs400Problem() {
        List<String> wrong = new ArrayList<>();
        for (String query : List.of("limit=201", "limit=100000", "limit=0", "limit=-1")) {
            HttpResponse<String> response = http.send("GET", "api/v1/me/prompts?" + query, token, null, false);
            expect400Problem(wrong, query, response);
        }
        assertThat(wrong).as("paging answers other than 400 problem+json").isEmpty();
        assertThat(http.send("GET", "api/v1/me/prompts?limit=200", token, null, false)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNonNumericPageSizeIs400Problem() {
        assertEachIs400NamingItsParameter("api/v1/me/prompts", token, List.of("limit=abc", "limit=1e9"));
    }

    @Test
    void tenThousandLevelsOfNestingAre400Problem() throws Exception {
        Map<String, Long> before = rows.snapshot(member);
        String valid = mapper.writeValueAsString(Members.alwaysWorking(30));
        List<String> bodies = HostileInput.tenThousandLevelsDeep(valid);
        List<String> wrong = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> response =
                    http.send("PUT", PREFERENCES, token, body.getBytes(StandardCharsets.UTF_8), false);
            expect400Problem(wrong, body.substring(0, 30) + "...", response);
        }
        HttpResponse<String> snooze = http.post(
                "api/v1/me/prompts/" + java.util.UUID.randomUUID() + "/snooze",
                token,
                HostileInput.nestedObjects(10_000));
        expect400Problem(wrong, "snooze", snooze);
        assertThat(wrong).isEmpty();
        assertThat(rows.snapshot(member)).isEqualTo(before);
    }

    @Test
    void wrongTypedJsonIs400Problem() throws Exception {
        String valid = mapper.writeValueAsString(Members.alwaysWorking(30));
        List<String> wrong = new ArrayList<>();
        for (String body : List.of(
                valid.replaceFirst("\"timeZone\":\"UTC\"", "\"timeZone\":[1]"),
                valid.replaceFirst("\"intervalMinutes\":30", "\"intervalMinutes\":\"thirty\""),
                "[]",
                HostileInput.nestedArrays(10_000))) {
            HttpResponse<String> response =
                    http.send("PUT", PREFERENCES, token, body.getBytes(StandardCharsets.UTF_8), false);
            expect400Problem(wrong, body.substring(0, Math.min(body.length(), 60)), response);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Hostile text in every text field of the preferences (time zone, day, time, tag, position,
     * channel, webhook URL and secret): saved as sent or refused with a 4xx, never a 5xx, and a
     * refused one leaves the saved preferences as they were.
     */
    @Test
    void hostileTextNeverGivesA5xxNorAStrayRow() throws Exception {
        Members members = new Members(new io.limber.reminder.support.Db(dataSource));
        members.put(member, Members.alwaysWorking(30));
        List<String> wrong = new ArrayList<>();
        for (String s : HostileInput.STRINGS) {
            for (String field : List.of(
                    "timeZone",
                    "workingDays",
                    "workingWindows",
                    "equipment",
                    "positions",
                    "channels",
                    "webhook.url",
                    "webhook.secret")) {
                Map<String, Object> body = new LinkedHashMap<>(Members.alwaysWorking(30));
                switch (field) {
                    case "timeZone" -> body.put("timeZone", s);
                    case "workingWindows" -> body.put("workingWindows", List.of(Map.of("start", s, "end", "24:00")));
                    case "webhook.url" -> {
                        body.put("channels", List.of("webhook"));
                        body.put("webhook", Map.of("url", "https://hooks.example.com/" + s, "secret", SECRET));
                    }
                    case "webhook.secret" -> {
                        body.put("channels", List.of("webhook"));
                        body.put("webhook", Map.of("url", "https://hooks.example.com/limber", "secret", "whsec_" + s));
                    }
                    default -> body.put(field, List.of(s));
                }
                Map<String, Long> before = rows.snapshot(member);
                HttpResponse<String> response =
                        http.send("PUT", PREFERENCES, token, RawHttp.JSON.writeValueAsBytes(body), false);
                if (response.statusCode() >= 500 || (response.statusCode() != 200 && response.statusCode() != 400)) {
                    wrong.add(field + " " + printable(s) + " -> " + response.statusCode());
                } else if (response.statusCode() == 400
                        && !rows.snapshot(member).equals(before)) {
                    wrong.add(field + " " + printable(s) + " refused but changed rows");
                }
            }
            String q = URLEncoder.encode(s, StandardCharsets.UTF_8);
            HttpResponse<String> limit = http.send("GET", "api/v1/me/prompts?limit=" + q, token, null, false);
            if (limit.statusCode() >= 500) {
                wrong.add("limit " + printable(s) + " -> " + limit.statusCode());
            }
            HttpResponse<String> id = http.send("POST", "api/v1/me/prompts/" + q + "/done", token, null, false);
            if (id.statusCode() >= 500) {
                wrong.add("prompt id " + printable(s) + " -> " + id.statusCode());
            }
        }
        assertThat(wrong).as("hostile text handled wrongly").isEmpty();
    }

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
}
