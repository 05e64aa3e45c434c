package io.limber.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.limber.infra.jwt.KeyPairFiles;
import io.limber.infra.jwt.TokenMinter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A missing or rejected token is a 401 problem that says which scheme to use, never a 500. */
@QuarkusTest
class AuthenticationProblemsTest {

    @Test
    void noTokenIs401ProblemWithABearerChallenge() {
        expect401(given());
    }

    @Test
    void aTokenThatIsNoJwtIs401Problem() {
        expect401(given().auth().oauth2("not-a-jwt"));
    }

    @Test
    void anExpiredTokenIs401Problem() {
        expect401(given().auth().oauth2(TestApp.token("member-expired", Duration.ofMinutes(-10))));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401Problem() throws Exception {
        KeyPairFiles other =
                KeyPairFiles.in(Files.createTempDirectory("other-jwt")).ensureExists();
        String forged = new TokenMinter(
                        other.loadPrivateKey(), TokenMinter.DEFAULT_ISSUER, TokenMinter.DEFAULT_AUDIENCE)
                .token("member-forged", null, List.of("member"), Duration.ofHours(1));
        expect401(given().auth().oauth2(forged));
    }

    @Test
    void aValidTokenIsLetIn() {
        given().auth()
                .oauth2(TestApp.token("member-valid"))
                .get("/test/members-only")
                .then()
                .statusCode(200)
                .body(equalTo("member-valid"));
    }

    private static void expect401(RequestSpecification request) {
        request.get("/test/members-only")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("A valid bearer token is required"));
    }
}
