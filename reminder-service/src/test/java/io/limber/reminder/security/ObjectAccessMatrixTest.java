package io.limber.reminder.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.Refusals;
import io.limber.infra.test.TestTokens;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a prompt id, called on a victim's prompt by another member, another
 * employer's admin and an anonymous caller: refused every time and the prompt untouched. Another
 * member's prompt is answered as if it did not exist (404, "You have no such prompt"); an admin is
 * no member (403); no token is 401. Preferences are reached through /me only, so take no id.
 */
@QuarkusTest
class ObjectAccessMatrixTest {

    enum Caller {
        OTHER_MEMBER,
        OTHER_EMPLOYERS_ADMIN,
        ANONYMOUS
    }

    /** One endpoint on the victim's prompt ({prompt}) and the status each caller gets. */
    record Endpoint(
            String name,
            String method,
            String path,
            Function<UUID, Object> body,
            int otherMember,
            int otherEmployersAdmin,
            int anonymous) {

        int expected(Caller caller) {
            return switch (caller) {
                case OTHER_MEMBER -> otherMember;
                case OTHER_EMPLOYERS_ADMIN -> otherEmployersAdmin;
                case ANONYMOUS -> anonymous;
            };
        }
    }

    static final Function<UUID, Object> NO_BODY = p -> null;

    // One line per endpoint.
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("markPromptDone", "POST", "/me/prompts/{prompt}/done", NO_BODY, 404, 403, 401),
            new Endpoint(
                    "snoozePrompt", "POST", "/me/prompts/{prompt}/snooze", p -> Map.of("minutes", 5), 404, 403, 401),
            new Endpoint("dismissPrompt", "POST", "/me/prompts/{prompt}/dismiss", NO_BODY, 404, 403, 401));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEndpointRefusesEveryIntruder() {
        String victim = Members.newId();
        UUID prompt = new Members(new Db(dataSource)).withOnePrompt(victim);
        String intruder = Members.newId();
        String otherEmployer = "employer-intruder-" + UUID.randomUUID();
        Map<Caller, String> tokens = Map.of(
                Caller.OTHER_MEMBER, TestTokens.member(intruder, otherEmployer),
                Caller.OTHER_EMPLOYERS_ADMIN, TestTokens.employerAdmin("admin-" + UUID.randomUUID(), otherEmployer));

        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot(victim, intruder);

        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                RequestSpecification request = given();
                if (tokens.containsKey(caller)) {
                    request.auth().oauth2(tokens.get(caller));
                }
                Object body = e.body().apply(prompt);
                if (body != null) {
                    request.contentType("application/json").body(body);
                }
                Response response =
                        request.request(e.method(), "/api/v1" + e.path().replace("{prompt}", prompt.toString()));
                Refusals.expect(wrong, e.name() + " by " + caller, response, e.expected(caller));
            }
        }

        assertThat(wrong).as("refusals that were not as designed").isEmpty();
        assertThat(rows.snapshot(victim, intruder))
                .as("rows after every refusal")
                .isEqualTo(before);
        given().auth()
                .oauth2(Members.token(victim))
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(200)
                .body("[0].id", org.hamcrest.Matchers.equalTo(prompt.toString()))
                .body("[0].status", org.hamcrest.Matchers.equalTo("sent"))
                .body("[0].snoozeCount", org.hamcrest.Matchers.equalTo(0));
    }
}
