package io.limber.content.security;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.limber.content.CatalogApi;
import io.limber.infra.test.HostileTokens;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every kind of broken bearer token gets 401 problem+json and changes nothing, on an editor's
 * write and read, and on a public read too: a token that is sent is verified.
 */
@QuarkusTest
class HostileTokenTest {

    // Fixed per JVM so the method source and the tests name the same editor.
    static final String EDITOR = "editor-hostile-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> hostileTokens() {
        return HostileTokens.all(EDITOR, null, "content-editor").stream()
                .filter(c -> !c.name().equals("missing sub"))
                .map(c -> Arguments.of(c.name(), c.token()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedOnWritesAndReads(String name, String token) {
        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot();

        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(CatalogApi.exercise(CatalogApi.slug("hostile")))
                .post(CatalogApi.EXERCISES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer " + token)
                .post(CatalogApi.EXERCISES + "/{id}/submit", UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token)
                .get(CatalogApi.EXERCISES + "/{id}/draft", UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // A public read: a token that is sent is verified, though an empty one is no token at all.
        given().header("Authorization", "Bearer " + token)
                .get(CatalogApi.PROGRAMS)
                .then()
                .statusCode(token.isEmpty() ? 200 : 401);

        assertThat(rows.snapshot()).isEqualTo(before);
    }

    @Test
    void aTokenWithoutSubIs401() {
        String token = HostileTokens.all(EDITOR, null, "content-editor").stream()
                .filter(c -> c.name().equals("missing sub"))
                .findFirst()
                .orElseThrow()
                .token();
        isRefusedOnWritesAndReads("missing sub", token);
    }

    /** The control: the same caller's token without the defect is accepted, so the 401s above are the defects'. */
    @Test
    void theSameTokenWithoutADefectIsAccepted() {
        given().header("Authorization", "Bearer " + HostileTokens.valid(EDITOR, null, "content-editor"))
                .get(CatalogApi.EXERCISES + "?status=draft")
                .then()
                .statusCode(200);
    }
}
