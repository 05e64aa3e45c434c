package io.limber.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.limber.infra.test.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A body over limber.http.max-body-size (1 KiB in the test app) is a 413 problem however it
 * comes: with a Content-Length (refused before it is read), chunked over HTTP/1.1 (BodySizeLimit
 * counts as it reads) or without a length over HTTP/2 (EntitySizeLimit counts as REST reads). A
 * body at the limit is taken whole. The bodies stay under the 4 KiB backstop of Vert.x and
 * RESTEasy, whose own 413 is bare.
 */
@QuarkusTest
class BodySizeTest {

    static final int LIMIT = 1024;
    static final String DETAIL = "The request body is larger than the 1024 bytes this service accepts.";

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {LIMIT + 1, 2 * LIMIT, 3 * LIMIT})
    void aBodyWithAContentLengthOverTheLimitIs413ProblemAndTheConnectionCloses(int size) {
        given().contentType("application/json")
                .body(answers(size))
                .post("/test/answers")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .header("Connection", "close")
                .body("status", equalTo(413))
                .body("title", equalTo("Content Too Large"))
                .body("detail", equalTo(DETAIL))
                .body("instance", equalTo("/test/answers"));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {11, LIMIT - 1, LIMIT})
    void aBodyWithAContentLengthUpToTheLimitIsTakenWhole(int size) {
        byte[] body = answers(size);
        given().contentType("application/json")
                .body(body)
                .post("/test/answers")
                .then()
                .statusCode(200)
                .body("note", equalTo(note(body)));
    }

    /** RouteFilters puts the size check before authentication: a token is never verified for a body refused anyway. */
    @Test
    void aBodyOverTheLimitIsRefusedBeforeItsTokenIsLookedAt() {
        given().contentType("application/json")
                .auth()
                .oauth2("not-a-jwt")
                .body(answers(2 * LIMIT))
                .post("/test/answers")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo(DETAIL));
        given().contentType("application/json")
                .auth()
                .oauth2("not-a-jwt")
                .body(answers(LIMIT))
                .post("/test/answers")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {LIMIT + 1, 3 * LIMIT})
    void aChunkedBodyOverTheLimitIs413Problem(int size) throws Exception {
        HttpResponse<String> response = http11(chunked(answers(size)));
        assertThat(RawHttp.isProblem(response, 413))
                .as(response.statusCode() + " " + response.body())
                .isTrue();
        JsonPath problem = new JsonPath(response.body());
        assertThat(problem.getString("title")).isEqualTo("Content Too Large");
        assertThat(problem.getString("detail")).isEqualTo(DETAIL);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {11, LIMIT})
    void aChunkedBodyUpToTheLimitIsTakenWhole(int size) throws Exception {
        byte[] body = answers(size);
        HttpResponse<String> response = http11(chunked(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new JsonPath(response.body()).getString("note")).isEqualTo(note(body));
    }

    /**
     * The service answers while the client is still sending; it must read and drop the rest
     * rather than close on it, or the reset loses the client its 413. The pause only makes the
     * client late: what is asserted is the answer it reads, not how long it took.
     */
    @Test
    void aClientStillSendingAnOversizedChunkedBodyReadsIts413() throws Exception {
        String answer = new RawHttp(base.toString())
                .chunkedPost(
                        "test/answers",
                        TestApp.token("member-chunked"),
                        answers(64 * LIMIT),
                        2 * LIMIT,
                        Duration.ofMillis(200));
        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("\"status\":413");
    }

    /** HTTP/2 has no chunked coding: a body without a length is counted by EntitySizeLimit, and the connection lives on. */
    @Test
    void aBodyWithoutALengthOverHttp2OverTheLimitIs413ProblemAndTheConnectionLives() throws Exception {
        HttpClient client = http2Client();
        HttpResponse<String> refused =
                client.send(post(chunked(answers(2 * LIMIT))), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(RawHttp.isProblem(refused, 413))
                .as(refused.statusCode() + " " + refused.body())
                .isTrue();
        JsonPath problem = new JsonPath(refused.body());
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("title")).isEqualTo("Content Too Large");
        assertThat(problem.getString("detail")).isEqualTo(DETAIL);

        byte[] small = answers(LIMIT);
        HttpResponse<String> next = client.send(post(chunked(small)), HttpResponse.BodyHandlers.ofString());
        assertThat(next.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(new JsonPath(next.body()).getString("note")).isEqualTo(note(small));
    }

    /** {"note":"xxx...x"}, exactly size (at least 11) bytes long. */
    static byte[] answers(int size) {
        return ("{\"note\":\"" + "x".repeat(size - 11) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String note(byte[] body) {
        return "x".repeat(body.length - 11);
    }

    /** An input stream has no known length, so the client sends it chunked (HTTP/1.1) or without a length (HTTP/2). */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(base + "test/answers"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
    }

    /** Chunked coding is HTTP/1.1's: a client of its own, never one already upgraded to HTTP/2. */
    private HttpResponse<String> http11(HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(post(body), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh client upgrades to HTTP/2 (h2c) on its first request, a GET; what follows goes over HTTP/2. */
    private HttpClient http2Client() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgrade = client.send(
                HttpRequest.newBuilder(URI.create(base + "q/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upgrade.version()).isEqualTo(HttpClient.Version.HTTP_2);
        return client;
    }
}
