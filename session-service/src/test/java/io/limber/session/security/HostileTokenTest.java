package io.limber.session.security;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.HostileTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every kind of broken bearer token gets 401 problem+json and records nothing. */
@QuarkusTest
class HostileTokenTest {

    // Fixed per JVM so the method source and the tests name the same member.
    static final String MEMBER = "member-hostile-" + UUID.randomUUID();
    static final String EMPLOYER = "employer-hostile";

    static UUID exerciseId;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void oneExercise() {
        if (exerciseId == null) {
            exerciseId = new TestCatalog(bootstrapServers, mapper).publishNew().id();
        }
    }

    static Stream<Arguments> hostileTokens() {
        return HostileTokens.all(MEMBER, EMPLOYER, "member").stream()
                .filter(c -> !c.name().equals("missing sub"))
                .map(c -> Arguments.of(c.name(), c.token()));
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

    /** What the service does today with a token without sub: refused, if with the wrong status. */
    @Test
    void aTokenWithoutSubChangesNothing() {
        String token = HostileTokens.all(MEMBER, EMPLOYER, "member").stream()
                .filter(c -> c.name().equals("missing sub"))
                .findFirst()
                .orElseThrow()
                .token();
        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot();
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Sessions.body(exerciseId, 1, 1))
                .post("/api/v1/members/{m}/sessions", MEMBER)
                .then()
                .statusCode(anyOf(equalTo(401), equalTo(403)));
        given().header("Authorization", "Bearer " + token)
                .delete("/api/v1/members/{m}/data", MEMBER)
                .then()
                .statusCode(anyOf(equalTo(401), equalTo(403)));
        assertThat(rows.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedOnAWriteAndARead(String name, String token) {
        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot();

        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Sessions.body(exerciseId, 1, 1))
                .post("/api/v1/members/{m}/sessions", MEMBER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Sessions.report(exerciseId, 1, 2, 2))
                .post("/api/v1/members/{m}/tolerance-reports", MEMBER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/members/{m}/sessions", MEMBER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token)
                .delete("/api/v1/members/{m}/data", MEMBER)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        assertThat(rows.snapshot()).isEqualTo(before);
    }

    /** The control: the same caller's token without the defect is accepted, so the 401s above are the defects'. */
    @Test
    void theSameTokenWithoutADefectIsAccepted() {
        String member = "member-control-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + HostileTokens.valid(member, EMPLOYER, "member"))
                .contentType("application/json")
                .body(Sessions.body(exerciseId, 1, 1))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201);
    }

    /**
     * Verified tokens are remembered (VerifiedTokenCache), so this checks the memory never outlives
     * the token: accepted twice while valid, refused once expired (the test profile allows 1 s of
     * clock skew).
     */
    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String member = "member-expiring-" + UUID.randomUUID();
        long expires = java.time.Instant.now().getEpochSecond() + 3;
        String token =
                HostileTokens.rs256(HostileTokens.claims(member, EMPLOYER, "member"), c -> c.put("exp", expires));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/members/{m}/sessions", member)
                    .then()
                    .statusCode(200);
        }
        // Real time has to pass the token's exp (and the 1 s skew): the service checks it by its own clock.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> java.time.Instant.now().getEpochSecond() > expires + 1);
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
