package io.limber.reminder.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.AccessMatrix;
import io.limber.infra.test.AccessMatrix.Endpoint;
import io.limber.infra.test.TestTokens;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;

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

    static final Function<UUID, Object> NO_BODY = p -> null;

    // One line per endpoint on the victim's prompt ({prompt}); one status per Caller, in its order.
    static final List<Endpoint<UUID>> ENDPOINTS = List.of(
            new Endpoint<>("markPromptDone", "POST", "/me/prompts/{prompt}/done", NO_BODY, 404, 403, 401),
            new Endpoint<>(
                    "snoozePrompt", "POST", "/me/prompts/{prompt}/snooze", p -> Map.of("minutes", 5), 404, 403, 401),
            new Endpoint<>("dismissPrompt", "POST", "/me/prompts/{prompt}/dismiss", NO_BODY, 404, 403, 401));

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

        List<String> wrong = new AccessMatrix<UUID, Caller>(Caller.class, tokens)
                .paths((path, caller) -> path.replace("{prompt}", prompt.toString()))
                .wrong(ENDPOINTS, prompt);

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
