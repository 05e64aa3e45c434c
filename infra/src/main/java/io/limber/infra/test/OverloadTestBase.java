package io.limber.infra.test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over capacity a service answers at once, with a problem and a Retry-After: 429 for a caller
 * over its rate, 503 when no database connection comes in time or too many requests are in
 * flight. Real PostgreSQL; the pool is exhausted by holding its connections.
 *
 * <p>A service's subclass runs under {@code @QuarkusTest @TestProfile(LowLimits.class)} and names
 * its callers, their tokens and its endpoints in its constructor.
 */
public abstract class OverloadTestBase {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    protected URL base;

    protected RawHttp http;

    private final Supplier<String> newCaller;
    private final Function<String, String> tokenOf;
    private final Function<String, String> databaseRead;
    private final String anonymousRead;
    private final String writeMethod;
    private final Function<String, String> writePath;
    private final String invalidWriteBody;

    /**
     * @param newCaller a caller no test has used yet, so its buckets are full
     * @param token the caller's token
     * @param databaseRead a read the caller may make that is served from the database, never
     *     from a cache, so that a held pool shows
     * @param anonymousRead an endpoint an anonymous caller may read
     * @param writeMethod with writePath, a write the caller may make with a body
     * @param writePath where the caller writes
     * @param invalidWriteBody a body the write refuses with 400, so that only a refusal for the
     *     rate would differ
     */
    protected OverloadTestBase(
            Supplier<String> newCaller,
            Function<String, String> token,
            Function<String, String> databaseRead,
            String anonymousRead,
            String writeMethod,
            Function<String, String> writePath,
            String invalidWriteBody) {
        this.newCaller = newCaller;
        this.tokenOf = token;
        this.databaseRead = databaseRead;
        this.anonymousRead = anonymousRead;
        this.writeMethod = writeMethod;
        this.writePath = writePath;
        this.invalidWriteBody = invalidWriteBody;
    }

    @BeforeEach
    void setUpHttp() {
        http = new RawHttp(base.toString());
    }

    @Test
    void aCallerOverItsReadRateGets429ProblemWithRetryAfter() {
        String caller = newCaller.get();
        String token = tokenOf.apply(caller);
        for (int i = 0; i < LowLimits.READ_BURST; i++) {
            assertThat(read(caller, token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = read(caller, token);
        assertThat(RawHttp.isProblem(refused, 429))
                .as(refused.statusCode() + " " + refused.body())
                .isTrue();
        assertThat(Overload.retryAfter(refused)).isBetween(1L, 10L);
        assertThat(refused.body()).contains("\"status\":429").contains("this caller");
    }

    @Test
    void anotherCallerIsNotHeldBackByOneOverItsRate() {
        String greedy = newCaller.get();
        for (int i = 0; i <= LowLimits.READ_BURST; i++) {
            read(greedy, tokenOf.apply(greedy));
        }
        assertThat(read(greedy, tokenOf.apply(greedy)).statusCode()).isEqualTo(429);
        String other = newCaller.get();
        assertThat(read(other, tokenOf.apply(other)).statusCode()).isEqualTo(200);
    }

    @Test
    void readsAndWritesHaveABucketEach() {
        String caller = newCaller.get();
        String token = tokenOf.apply(caller);
        for (int i = 0; i <= LowLimits.READ_BURST; i++) {
            read(caller, token);
        }
        // A write is still taken in: refused for its body (400), not for the rate.
        HttpResponse<String> write = http.send(
                writeMethod, writePath.apply(caller), token, invalidWriteBody.getBytes(StandardCharsets.UTF_8), false);
        assertThat(write.statusCode()).isEqualTo(400);
    }

    /** Anonymous callers share their address's bucket. */
    @Test
    void anonymousCallersAreLimitedByAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= LowLimits.READ_BURST; i++) {
            statuses.add(http.send("GET", anonymousRead, null, null, false).statusCode());
        }
        HttpResponse<String> refused = http.send("GET", anonymousRead, null, null, false);
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
        String caller = newCaller.get();
        List<Connection> held = Overload.holdEveryConnection(dataSource, LowLimits.POOL_SIZE);
        try {
            // Not a hang: held until the client gave up, the read would end in RawHttp's own
            // timeout, an exception, not in this answer. How soon it came is not asserted: that
            // is the machine's speed, not the service's behaviour.
            HttpResponse<String> refused = read(caller, tokenOf.apply(caller));
            assertThat(RawHttp.isProblem(refused, 503))
                    .as(refused.statusCode() + " " + refused.body())
                    .isTrue();
            assertThat(Overload.retryAfter(refused)).isPositive();
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(read(caller, tokenOf.apply(caller)).statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsInFlightAre503ProblemWithRetryAfter() throws Exception {
        try (var stalls = new Overload.Stalls(LowLimits.MAX_IN_FLIGHT, () -> {
            String uploader = newCaller.get();
            return Overload.stalledUpload(base, writeMethod, writePath.apply(uploader), tokenOf.apply(uploader));
        })) {
            HttpResponse<String> refused = null;
            for (int attempt = 0; attempt < 50 && refused == null; attempt++) {
                stalls.reopenRefused();
                String caller = newCaller.get();
                HttpResponse<String> response = read(caller, tokenOf.apply(caller));
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
                    String caller = newCaller.get();
                    return read(caller, tokenOf.apply(caller)).statusCode() == 200;
                });
    }

    private HttpResponse<String> read(String caller, String token) {
        return http.send("GET", databaseRead.apply(caller), token, null, false);
    }
}
