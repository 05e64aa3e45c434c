package io.limber.content.security;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.Overload;
import io.limber.infra.test.RawHttp;
import io.limber.infra.test.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over capacity the service answers at once, with a problem and a Retry-After: 429 for a caller
 * over its rate, 503 when no database connection comes in time or too many requests are in
 * flight. Real PostgreSQL; the pool is exhausted by holding its connections.
 */
@QuarkusTest
@TestProfile(LowLimits.class)
class OverloadTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(base.toString());
    }

    @Test
    void aCallerOverItsReadRateGets429ProblemWithRetryAfter() {
        String editor = caller();
        String token = token(editor);
        for (int i = 0; i < LowLimits.READ_BURST; i++) {
            assertThat(http.send("GET", workingCopies(), token, null, false).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = http.send("GET", workingCopies(), token, null, false);
        assertThat(RawHttp.isProblem(refused, 429))
                .as(refused.statusCode() + " " + refused.body())
                .isTrue();
        assertThat(Overload.retryAfter(refused)).isBetween(1L, 10L);
        assertThat(refused.body()).contains("\"status\":429").contains("this caller");
    }

    @Test
    void anotherCallerIsNotHeldBackByOneOverItsRate() {
        String greedy = caller();
        for (int i = 0; i <= LowLimits.READ_BURST; i++) {
            http.send("GET", workingCopies(), token(greedy), null, false);
        }
        assertThat(http.send("GET", workingCopies(), token(greedy), null, false).statusCode())
                .isEqualTo(429);
        String other = caller();
        assertThat(http.send("GET", workingCopies(), token(other), null, false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void readsAndWritesHaveABucketEach() {
        String editor = caller();
        String token = token(editor);
        for (int i = 0; i <= LowLimits.READ_BURST; i++) {
            http.send("GET", workingCopies(), token, null, false);
        }
        // A write is still taken in: refused for its body (400), not for the rate.
        HttpResponse<String> write = http.post("api/v1/exercises", token, "{}");
        assertThat(write.statusCode()).isEqualTo(400);
    }

    /** The public catalog: anonymous readers share their address's bucket. */
    @Test
    void anonymousCatalogReadersAreLimitedByAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= LowLimits.READ_BURST; i++) {
            statuses.add(http.send("GET", "api/v1/exercises", null, null, false).statusCode());
        }
        HttpResponse<String> refused = http.send("GET", "api/v1/exercises", null, null, false);
        assertThat(statuses).contains(429);
        assertThat(RawHttp.isProblem(refused, 429)).isTrue();
        assertThat(refused.body()).contains("this address");
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        for (int i = 0; i < 4 * LowLimits.READ_BURST; i++) {
            for (String path : List.of("q/health/live", "q/metrics", "q/openapi")) {
                assertThat(http.send("GET", path, null, null, false).statusCode())
                        .as(path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void anExhaustedConnectionPoolIs503ProblemWithRetryAfterNotAHang() throws Exception {
        String editor = caller();
        List<Connection> held = Overload.holdEveryConnection(dataSource, LowLimits.POOL_SIZE);
        try {
            long started = System.nanoTime();
            HttpResponse<String> refused = http.send("GET", workingCopies(), token(editor), null, false);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(RawHttp.isProblem(refused, 503))
                    .as(refused.statusCode() + " " + refused.body())
                    .isTrue();
            assertThat(Overload.retryAfter(refused)).isPositive();
            assertThat(millis)
                    .as("answered after the 1 s acquisition timeout, not held until the client gives up")
                    .isLessThan(10_000);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(http.send("GET", workingCopies(), token(editor), null, false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tooManyRequestsInFlightAre503ProblemWithRetryAfter() throws Exception {
        try (var stalls = new Overload.Stalls(
                LowLimits.MAX_IN_FLIGHT,
                () -> Overload.stalledUpload(base, "POST", "api/v1/exercises", token(caller())))) {
            HttpResponse<String> refused = null;
            for (int attempt = 0; attempt < 50 && refused == null; attempt++) {
                stalls.reopenRefused();
                String editor = caller();
                HttpResponse<String> response = http.send("GET", workingCopies(), token(editor), null, false);
                if (response.statusCode() == 503) {
                    refused = response;
                }
            }
            assertThat(refused)
                    .as("a 503 while two uploads are stalled; they were answered: " + stalls.answers())
                    .isNotNull();
            assertThat(RawHttp.isProblem(refused, 503)).isTrue();
            assertThat(Overload.retryAfter(refused)).isEqualTo(1);
        }
        await("served again once the stalled uploads are gone")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    String editor = caller();
                    return http.send("GET", workingCopies(), token(editor), null, false)
                                    .statusCode()
                            == 200;
                });
    }

    private static String caller() {
        return "editor-" + UUID.randomUUID();
    }

    private static String token(String editor) {
        return TestTokens.editor(editor);
    }

    /** Working copies: read from the database, never from the published catalog's cache. */
    private static String workingCopies() {
        return "api/v1/exercises?status=draft";
    }
}
