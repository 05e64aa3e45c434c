package io.limber.reminder.security;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.HostileTokens;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every kind of broken bearer token gets 401 problem+json and changes nothing. */
@QuarkusTest
class HostileTokenTest {

    // Fixed per JVM so the method source and the tests name the same member.
    static final String MEMBER = "member-hostile-" + UUID.randomUUID();
    static final String EMPLOYER = "employer-hostile";

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> hostileTokens() {
        return HostileTokens.all(MEMBER, EMPLOYER, "member").stream()
                .filter(c -> !c.name().equals("missing sub"))
                .map(c -> Arguments.of(c.name(), c.token()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedOnAWriteAndARead(String name, String token) {
        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot(MEMBER);

        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Members.alwaysWorking(30))
                .put("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer " + token)
                .post("/api/v1/me/prompts/{id}/dismiss", UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        assertThat(rows.snapshot(MEMBER)).isEqualTo(before);
    }

    @Test
    void aTokenWithoutSubIs401() {
        String token = HostileTokens.all(MEMBER, EMPLOYER, "member").stream()
                .filter(c -> c.name().equals("missing sub"))
                .findFirst()
                .orElseThrow()
                .token();
        isRefusedOnAWriteAndARead("missing sub", token);
    }

    /** The control: the same caller's token without the defect is accepted, so the 401s above are the defects'. */
    @Test
    void theSameTokenWithoutADefectIsAccepted() {
        given().header("Authorization", "Bearer " + HostileTokens.valid(MEMBER, EMPLOYER, "member"))
                .get("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(200);
    }
}
