package io.limber.session.security;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.infra.test.HostileInput;
import io.limber.infra.test.LimitsTestBase;
import io.limber.infra.test.RawHttp;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Oversized (in LimitsTestBase, on a member's sessions), deep, wrong-typed, out-of-range and
 * hostile input: a 4xx problem, never a 5xx, never a stray row.
 */
@QuarkusTest
class LimitsTest extends LimitsTestBase {

    static UUID exerciseId;

    @Inject
    TestCatalog catalog;

    String member;
    String token;
    Rows rows;

    @BeforeEach
    void freshMember() {
        if (exerciseId == null) {
            exerciseId = catalog.publishNew().id();
        }
        member = Sessions.member();
        token = TestTokens.member(member, "employer-" + UUID.randomUUID());
        rows = new Rows(dataSource);
    }

    @Override
    protected Write write() {
        return new Write("POST", sessions(), token, 201, "note");
    }

    @Override
    protected Map<String, Object> validBody() {
        return session();
    }

    @Override
    protected long storedWrites() {
        return rows.one("SELECT count(*) FROM exercise_session WHERE member_id = ?", member);
    }

    @Override
    protected Map<String, Long> snapshot() {
        return rows.snapshot();
    }

    /**
     * An empty Idempotency-Key is a client bug (a template left unfilled), not "no key": taken as
     * none, its retries would each record a session. Refused, naming the header, on both writes.
     */
    @Test
    void anEmptyIdempotencyKeyIs400ProblemAndNothingIsStored() throws Exception {
        Map<String, Long> before = rows.snapshot();
        Map<String, String> bodies = Map.of(
                sessions(),
                validSessionJson(),
                "api/v1/members/" + member + "/tolerance-reports",
                mapper.writeValueAsString(Sessions.report(exerciseId, 1, 2, 1)));
        for (var write : bodies.entrySet()) {
            String path = write.getKey();
            HttpResponse<String> refused = http11Send(
                    "POST", path, HttpRequest.BodyPublishers.ofString(write.getValue()), "Idempotency-Key", "");
            assertThat(RawHttp.isProblem(refused, 400))
                    .as(path + ": " + refused.statusCode() + " " + refused.body())
                    .isTrue();
            assertThat(refused.body()).contains("Idempotency-Key");
        }
        assertThat(rows.snapshot()).isEqualTo(before);
    }

    @Test
    void aPageSizeOverTheMaximumIs400Problem() {
        List<String> wrong = new ArrayList<>();
        for (String query : List.of("size=101", "size=100000", "size=0", "size=-1", "page=-1")) {
            HttpResponse<String> response = http.send("GET", sessions() + "?" + query, token, null, false);
            expect400Problem(wrong, query, response);
        }
        assertThat(wrong).as("paging answers other than 400 problem+json").isEmpty();
        assertThat(http.send("GET", sessions() + "?size=100", token, null, false)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNonNumericPageSizeIs400Problem() {
        assertEachIs400NamingItsParameter(sessions(), token, List.of("size=abc", "page=1e9"));
    }

    @Test
    void tenThousandLevelsOfNestingAre400Problem() {
        Map<String, Long> before = rows.snapshot();
        String valid = validSessionJson();
        List<String> bodies = HostileInput.tenThousandLevelsDeep(valid);
        List<String> wrong = new ArrayList<>();
        for (String path : List.of(sessions(), "api/v1/members/" + member + "/tolerance-reports")) {
            for (String body : bodies) {
                HttpResponse<String> response = http.post(path, token, body);
                expect400Problem(wrong, path + " " + body.substring(0, 30) + "...", response);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rows.snapshot()).isEqualTo(before);
    }

    @Test
    void wrongTypedJsonIs400Problem() {
        Map<String, Long> before = rows.snapshot();
        String valid = validSessionJson();
        List<String> wrong = new ArrayList<>();
        for (String body : List.of(
                valid.replaceFirst("\"note\":\"felt fine\"", "\"note\":[1]"),
                valid.replaceFirst("\"exerciseRevision\":1", "\"exerciseRevision\":\"one\""),
                "[]",
                HostileInput.nestedArrays(10_000))) {
            HttpResponse<String> response = http.post(sessions(), token, body);
            expect400Problem(wrong, body.substring(0, Math.min(body.length(), 60)), response);
        }
        assertThat(wrong).isEmpty();
        assertThat(rows.snapshot()).isEqualTo(before);
    }

    /**
     * Hostile text in a note, query parameters and a header: each is stored
     * as sent or refused with a 4xx, and only the sessions answered 201 are added.
     */
    @Test
    void hostileTextNeverGivesA5xxNorAStrayRow() throws Exception {
        Map<String, Long> before = rows.snapshot();
        List<String> wrong = new ArrayList<>();
        int recorded = 0;
        int ownRecorded = 0;
        for (String s : HostileInput.STRINGS) {
            if (s.indexOf('\u0000') >= 0) {
                continue; // aNulCharacterInANoteIs400Problem
            }
            Map<String, Object> body = session();
            body.put("note", s);
            HttpResponse<String> note = http.post(sessions(), token, RawHttp.JSON.writeValueAsString(body));
            if (note.statusCode() == 201) {
                recorded++;
                ownRecorded++;
                String stored = mapper.readTree(note.body()).path("note").asText();
                if (!s.equals(stored)) {
                    wrong.add("note " + printable(s) + " came back as " + printable(stored));
                }
            } else if (note.statusCode() != 400) {
                wrong.add("note " + printable(s) + " -> " + note.statusCode());
            }
            String q = URLEncoder.encode(s, StandardCharsets.UTF_8);
            expectNo5xx(
                    wrong,
                    "timeZone " + printable(s),
                    http.send("GET", "api/v1/members/" + member + "/progress?timeZone=" + q, token, null, false));
            expectNo5xx(wrong, "from " + printable(s), http.send("GET", sessions() + "?from=" + q, token, null, false));
        }
        for (String s : HostileInput.STRINGS) {
            if (s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                Response keyed = given().auth()
                        .oauth2(token)
                        .header("Idempotency-Key", s)
                        .contentType("application/json")
                        .body(session())
                        .post("/api/v1/members/" + member + "/sessions");
                if (keyed.statusCode() == 201) {
                    recorded++;
                    ownRecorded++;
                } else if (keyed.statusCode() >= 500) {
                    wrong.add("Idempotency-Key " + s + " -> " + keyed.statusCode());
                }
            }
        }
        assertThat(wrong).as("hostile text handled wrongly").isEmpty();
        Map<String, Long> after = rows.snapshot();
        assertThat(after.get("exercise_session") - before.get("exercise_session"))
                .isEqualTo(recorded);
        assertThat(after.get("tolerance_report")).isEqualTo(before.get("tolerance_report"));
        assertThat(after.get("recommendation")).isEqualTo(before.get("recommendation"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/members/{m}/sessions?size=100", member)
                .then()
                .statusCode(200)
                .body("total", equalTo(ownRecorded));
    }

    @Test
    void aNulCharacterInANoteIs400Problem() throws Exception {
        Map<String, Object> body = session();
        body.put("note", "before\u0000after");
        HttpResponse<String> response = http.post(sessions(), token, RawHttp.JSON.writeValueAsString(body));
        assertThat(RawHttp.isProblem(response, 400))
                .as(response.statusCode() + " " + response.body())
                .isTrue();
    }

    /**
     * A token subject that is not a valid URI path segment, as identity providers issue them
     * (Auth0's are "auth0|..."): the session is recorded once and answered 201.
     */
    @Test
    void aMemberIdThatIsNoUriSegmentRecordsOnceAndGets201() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String id : List.of(
                "auth0|" + UUID.randomUUID(), "member " + UUID.randomUUID(), "m\u00e9mber-" + UUID.randomUUID())) {
            String path = "api/v1/members/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            String token = TestTokens.member(id, "employer-odd");
            HttpResponse<String> session = http.post(path + "/sessions", token, mapper.writeValueAsString(session()));
            HttpResponse<String> report = http.post(
                    path + "/tolerance-reports",
                    token,
                    mapper.writeValueAsString(Sessions.report(exerciseId, 1, 2, 2)));
            long stored = rows.one("SELECT count(*) FROM exercise_session WHERE member_id = ?", id);
            if (session.statusCode() != 201 || report.statusCode() != 201 || stored != 1) {
                wrong.add(printable(id) + ": session " + session.statusCode() + ", report " + report.statusCode() + ", "
                        + stored + " stored");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private String sessions() {
        return "api/v1/members/" + member + "/sessions";
    }

    private Map<String, Object> session() {
        return new LinkedHashMap<>(Sessions.body(exerciseId, 1, 1));
    }

    private String validSessionJson() {
        try {
            return mapper.writeValueAsString(session());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expectNo5xx(List<String> wrong, String what, HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            wrong.add(what + " -> " + response.statusCode());
        }
    }
}
