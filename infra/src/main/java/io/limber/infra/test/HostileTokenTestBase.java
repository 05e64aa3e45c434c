package io.limber.infra.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every kind of broken bearer token gets 401 problem+json and changes nothing, on a service's
 * writes and reads, and on its public reads too: a token that is sent is verified.
 *
 * <p>A service's {@code @QuarkusTest} subclass names the caller the tokens are for and the calls
 * they are sent on. One instance for the class, so that the cases come from the caller it names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileTokenTestBase {

    /** A request as this test sends it; a body, when there is one, goes as JSON. */
    public record Call(String method, String path, Object body) {

        public static Call get(String path) {
            return new Call("GET", path, null);
        }

        public static Call post(String path, Object body) {
            return new Call("POST", path, body);
        }
    }

    /** The service's database, for the subclass's row counts. */
    @Inject
    protected DataSource dataSource;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    private final String subject;
    private final String employer;
    private final String[] groups;

    /** The caller the hostile tokens are made for. */
    protected HostileTokenTestBase(String subject, String employer, String... groups) {
        this.subject = subject;
        this.employer = employer;
        this.groups = groups;
    }

    /** Writes and reads the caller may make with a sound token; the first is a write. */
    protected abstract List<Call> guardedCalls();

    /** Reads anyone may make: answered without a token, refused with a broken one. */
    protected abstract List<String> publicReads();

    /** A read the given caller may make with a sound token: 200. */
    protected abstract String ownRead(String subject);

    /** What a refused call must not change. */
    protected abstract Map<String, Long> snapshot();

    /** The hostile tokens for the caller, but for the one without a sub (its own tests). */
    Stream<Arguments> hostileTokens() {
        return HostileTokens.all(subject, employer, groups).stream()
                .filter(c -> !c.name().equals("missing sub"))
                .map(c -> Arguments.of(c.name(), c.token()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void isRefusedOnWritesAndReads(String name, String token) {
        Map<String, Long> before = snapshot();
        for (Call call : guardedCalls()) {
            send(token, call)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401));
        }
        // A public read: a token that is sent is verified, though an empty one is no token at all.
        for (String path : publicReads()) {
            given().header("Authorization", "Bearer " + token).get(path).then().statusCode(token.isEmpty() ? 200 : 401);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTokenWithoutSubIs401() {
        isRefusedOnWritesAndReads("missing sub", withoutSub());
    }

    /** Refused, whichever status, and nothing written. */
    @Test
    void aTokenWithoutSubChangesNothing() {
        String token = withoutSub();
        Map<String, Long> before = snapshot();
        for (Call call : guardedCalls()) {
            send(token, call).then().statusCode(anyOf(equalTo(401), equalTo(403)));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    /** The control: the same caller's token without the defect is accepted, so the 401s above are the defects'. */
    @Test
    void theSameTokenWithoutADefectIsAccepted() {
        assertAcceptedWithoutADefect();
    }

    /**
     * Verified tokens are remembered (VerifiedTokenCache), so this checks the memory never outlives
     * the token: accepted twice while valid, refused once expired and past the allowed clock skew.
     */
    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String subject = this.subject + "-expiring-" + UUID.randomUUID();
        long expires = Instant.now().getEpochSecond() + 3;
        String token = HostileTokens.rs256(HostileTokens.claims(subject, employer, groups), c -> c.put("exp", expires));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token)
                    .get(ownRead(subject))
                    .then()
                    .statusCode(200);
        }
        // Real time has to pass the token's exp and the skew: the service checks it by its own clock.
        await().atMost(Duration.ofSeconds(clockSkewSeconds + 60L))
                .until(() -> Instant.now().getEpochSecond() > expires + clockSkewSeconds);
        given().header("Authorization", "Bearer " + token)
                .get(ownRead(subject))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    /** The control's request: by default the caller's own read. */
    protected void assertAcceptedWithoutADefect() {
        given().header("Authorization", "Bearer " + HostileTokens.valid(subject, employer, groups))
                .get(ownRead(subject))
                .then()
                .statusCode(200);
    }

    private String withoutSub() {
        return HostileTokens.all(subject, employer, groups).stream()
                .filter(c -> c.name().equals("missing sub"))
                .findFirst()
                .orElseThrow()
                .token();
    }

    private static Response send(String token, Call call) {
        RequestSpecification request = given().header("Authorization", "Bearer " + token);
        if (call.body() != null) {
            request = request.contentType("application/json").body(call.body());
        }
        return request.request(call.method(), call.path());
    }
}
