package io.limber.web;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * With as many requests in flight as the service takes, the next is answered 503 with
 * Retry-After at once, /q/* still answers, and once those requests end the service takes new
 * ones again. The requests in flight are held by a test resource until the test lets them go.
 */
@QuarkusTest
@TestProfile(InFlightLimitTest.FewInFlight.class)
class InFlightLimitTest {

    static final int MAX_IN_FLIGHT = 2;

    public static class FewInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("limber.load-shedding.max-in-flight", String.valueOf(MAX_IN_FLIGHT));
        }
    }

    @Inject
    TestEndpoints.Gate gate;

    @TestHTTPResource("/")
    URL base;

    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();

    @BeforeEach
    void holdAsManyAsTheServiceTakes() {
        gate.reset();
        for (int i = 0; i < MAX_IN_FLIGHT; i++) {
            held.add(hold());
        }
        // The previous test's requests may not all have ended yet, so a new one can be refused
        // (503) and is sent again: held means in the resource, not merely sent.
        await("both held requests in the resource")
                .atMost(Duration.ofSeconds(30))
                .until(() -> {
                    held.replaceAll(request -> request.isDone() ? hold() : request);
                    return gate.arrived() == MAX_IN_FLIGHT;
                });
    }

    @AfterEach
    void letGo() throws Exception {
        gate.open();
        for (CompletableFuture<HttpResponse<String>> request : held) {
            request.get(30, TimeUnit.SECONDS);
        }
    }

    private CompletableFuture<HttpResponse<String>> hold() {
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "test/held")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneMoreIs503ProblemWithRetryAfter() {
        given().get("/test/page?size=1")
                .then()
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "1")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo("The service is working on as many requests as it can (2); try again in 1 s."))
                .body("instance", equalTo("/test/page"));
    }

    @Test
    void qStillAnswers() {
        given().get("/q/ping").then().statusCode(200).body(equalTo("pong"));
    }

    @Test
    void theServiceTakesRequestsAgainOnceThoseInFlightEnd() throws Exception {
        given().get("/test/page?size=1").then().statusCode(503);
        gate.open();
        for (CompletableFuture<HttpResponse<String>> request : held) {
            HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("released");
        }
        // The count drops as each response ends, just after the client may have read it.
        await("taken again")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get("/test/page?size=7").then().statusCode(200).body(equalTo("7")));
    }
}
