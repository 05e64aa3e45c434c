package io.limber.web;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A caller over its rate is answered 429 with a Retry-After before any work is done, each
 * caller (token subject, or address without a token) with a bucket of its own for reads and
 * one for writes; /q/* is never limited.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowRate.class)
class RateLimitTest {

    static final int READ_BURST = 3;
    static final int WRITE_BURST = 2;

    /**
     * One request back per 100 s: however slow the machine, a bucket does not refill between
     * two of a test's requests, and a refused request's Retry-After is at most 100.
     */
    public static class LowRate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "limber.rate-limit.read.requests-per-second",
                    "0.01",
                    "limber.rate-limit.read.burst",
                    String.valueOf(READ_BURST),
                    "limber.rate-limit.write.requests-per-second",
                    "0.01",
                    "limber.rate-limit.write.burst",
                    String.valueOf(WRITE_BURST));
        }
    }

    @Test
    void aCallerOverItsReadBurstGets429ProblemWithRetryAfter() {
        String token = TestApp.token("member-" + UUID.randomUUID());
        for (int i = 0; i < READ_BURST; i++) {
            read(token).then().statusCode(200);
        }
        Response refused = read(token);
        refused.then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .body(
                        "detail",
                        startsWith("More than 0.01 reads per second (3 at once) from this caller; try again in "))
                .body("instance", equalTo("/test/page"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 100L);
        assertThat(refused.jsonPath().getString("detail"))
                .endsWith("try again in " + refused.header("Retry-After") + " s.");
    }

    @Test
    void aCallerOverItsWriteBurstGets429Problem() {
        String token = TestApp.token("member-" + UUID.randomUUID());
        for (int i = 0; i < WRITE_BURST; i++) {
            write(token).then().statusCode(200);
        }
        write(token)
                .then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("More than 0.01 writes per second (2 at once) from this caller"));
    }

    @Test
    void readsAndWritesHaveABucketEach() {
        String token = TestApp.token("member-" + UUID.randomUUID());
        for (int i = 0; i < READ_BURST; i++) {
            read(token).then().statusCode(200);
        }
        read(token).then().statusCode(429);
        write(token).then().statusCode(200);
    }

    @Test
    void anotherCallerIsNotHeldBackByOneOverItsRate() {
        String greedy = TestApp.token("member-" + UUID.randomUUID());
        for (int i = 0; i < READ_BURST; i++) {
            read(greedy).then().statusCode(200);
        }
        read(greedy).then().statusCode(429);
        read(TestApp.token("member-" + UUID.randomUUID())).then().statusCode(200);
    }

    /** The only test here without a token: every anonymous request of the class shares the loopback address's bucket. */
    @Test
    void anonymousCallersAreLimitedByAddress() {
        for (int i = 0; i < READ_BURST; i++) {
            given().get("/test/page?size=1").then().statusCode(200);
        }
        given().get("/test/page?size=1")
                .then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("from this address"));
    }

    /** Anonymous too, but /q/* takes nothing from the address's bucket, so the test above is unaffected. */
    @Test
    void qIsNeverLimited() {
        for (int i = 0; i < 4 * READ_BURST; i++) {
            given().get("/q/ping").then().statusCode(200).body(equalTo("pong"));
        }
    }

    private static Response read(String token) {
        return as(token).get("/test/page?size=1");
    }

    private static Response write(String token) {
        return as(token)
                .contentType("application/json")
                .body("{\"note\":\"n\"}")
                .post("/test/answers");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
