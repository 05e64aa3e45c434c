package io.limber.infra.test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over the size limit, however they come (with a length, chunked over HTTP/1.1, without a
 * length over HTTP/2): a 413 problem and nothing stored; under the limit they arrive whole. A
 * service's {@code @QuarkusTest} subclass names the write these are sent to, and adds its own
 * checks of deep, wrong-typed, out-of-range and hostile input.
 */
public abstract class LimitsTestBase {

    /** The service's database, for the subclass's row counts. */
    @Inject
    protected DataSource dataSource;

    /** The service's own JSON mapper, for the subclass's bodies. */
    @Inject
    protected ObjectMapper mapper;

    @TestHTTPResource("/")
    protected URL base;

    @ConfigProperty(name = "limber.http.max-body-size")
    MemorySize maxBodySize;

    protected RawHttp http;

    /**
     * The write the body checks send.
     *
     * @param method one that takes a JSON body
     * @param token of this test's caller, who may make the write
     * @param acceptedStatus the status of an accepted write
     * @param paddedField a text field of {@link #validBody} that may be made as long as a test needs
     */
    public record Write(String method, String path, String token, int acceptedStatus, String paddedField) {}

    protected abstract Write write();

    /** A fresh body the write accepts. */
    protected abstract Map<String, Object> validBody();

    /** How many writes of this test's caller are stored: 1 after one accepted write. */
    protected abstract long storedWrites();

    /** What a refused write must not change. */
    protected abstract Map<String, Long> snapshot();

    @BeforeEach
    void setUpHttp() {
        http = new RawHttp(base.toString());
    }

    @Test
    void aTwoMegabyteBodyIs413Problem() throws Exception {
        Map<String, Long> before = snapshot();
        HttpResponse<String> response =
                http.send(write().method(), write().path(), write().token(), twoMegabyteBody(), false);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(RawHttp.type(response)).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
        assertThat(snapshot()).isEqualTo(before);
    }

    /** 2 MB: refused, stores nothing, no 5xx. */
    @Test
    void aTwoMegabyteBodyIsRefusedAndStoresNothing() throws Exception {
        Map<String, Long> before = snapshot();
        HttpResponse<String> response =
                http.send(write().method(), write().path(), write().token(), twoMegabyteBody(), false);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(RawHttp.type(response)).startsWith("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Without a Content-Length the size is known only while reading: still refused, nothing stored.
     * Over HTTP/1.1, where chunked coding is: RawHttp's shared client may be on HTTP/2 by now, and
     * a body without a length four times the limit can meet RESTEasy's bare 413 there, which ends
     * the shared connection under the next test (see EntitySizeLimit).
     */
    @Test
    void aTwoMegabyteChunkedBodyIsRefused() throws Exception {
        Map<String, Long> before = snapshot();
        assertThat(chunked(twoMegabyteBody()).statusCode()).isEqualTo(413);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTwoMegabyteChunkedBodyIs413Problem() throws Exception {
        HttpResponse<String> response = chunked(twoMegabyteBody());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(RawHttp.type(response)).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    /**
     * A client still sending when the 413 goes out must still read it: the service takes in and
     * drops the rest of the body instead of closing on it (a close with data unread resets the
     * connection, and the client's writes and the answer are lost). The pause comes once the limit
     * is passed, so the service has answered by then.
     */
    @Test
    void aClientStillSendingAnOversizedChunkedBodyReadsIts413() throws Exception {
        Map<String, Long> before = snapshot();
        int pauseAfter = limit() + limit() / 4;
        String answer = http.chunkedSend(
                write().method(),
                write().path(),
                write().token(),
                twoMegabyteBody(),
                pauseAfter,
                Duration.ofMillis(300));
        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("\"status\":413");
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Over HTTP/2 a body may come without a length (there is no chunked coding there): over the
     * limit it is the same problem, and the connection goes on serving. The body is between the
     * limit and Vert.x's backstop (twice the limit): beyond the backstop, RESTEasy may count it
     * first and answer a bare 413 that ends the connection.
     */
    @Test
    void aBodyWithoutALengthOverHttp2OverTheLimitIs413ProblemAndTheConnectionLives() throws Exception {
        Map<String, Long> before = snapshot();
        HttpClient client = http2Client();
        HttpResponse<String> response = withoutLength(client, padded(limit() + limit() / 2));
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(RawHttp.isProblem(response, 413))
                .as(response.statusCode() + " " + response.body())
                .isTrue();
        assertThat(response.body()).contains("\"status\":413").contains("body-too-large");
        assertThat(snapshot()).isEqualTo(before);
        HttpResponse<String> next = withoutLength(client, RawHttp.JSON.writeValueAsBytes(validBody()));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(write().acceptedStatus());
    }

    /**
     * Over HTTP/2 a body may come without a length (there is no chunked coding there); RESTEasy
     * reads it, not BodySizeLimit, and it must arrive whole.
     */
    @Test
    void aBodyWithoutALengthOverHttp2UnderTheLimitIsRecorded() throws Exception {
        HttpResponse<String> response = withoutLength(http2Client(), RawHttp.JSON.writeValueAsBytes(validBody()));
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(write().acceptedStatus());
        assertThat(storedWrites()).isEqualTo(1);
    }

    /** Reading a chunked body to count it must not lose it: one under the limit is recorded. */
    @Test
    void aChunkedBodyUnderTheLimitIsRecorded() throws Exception {
        HttpResponse<String> response = chunked(RawHttp.JSON.writeValueAsBytes(validBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(write().acceptedStatus());
        assertThat(storedWrites()).isEqualTo(1);
    }

    /** A write as this test's caller over HTTP/1.1, with the extra headers given as name, value. */
    protected HttpResponse<String> http11Send(
            String method, String path, HttpRequest.BodyPublisher body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + write().token())
                .header("Content-Type", "application/json")
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Adds to {@code wrong} a line naming {@code what} unless the response is a 400 problem. */
    protected static void expect400Problem(List<String> wrong, String what, HttpResponse<String> response) {
        if (!RawHttp.isProblem(response, 400)) {
            wrong.add(what + " -> " + response.statusCode() + " " + RawHttp.type(response));
        }
    }

    /** Each query is a 400 problem whose detail names the parameter ('size' for size=abc). */
    protected void assertEachIs400NamingItsParameter(String path, String token, List<String> queries) {
        for (String query : queries) {
            HttpResponse<String> response = http.send("GET", path + "?" + query, token, null, false);
            assertThat(RawHttp.isProblem(response, 400))
                    .as(query + " -> " + response.statusCode())
                    .isTrue();
            assertThat(response.body())
                    .as("the detail names the parameter")
                    .contains("'" + query.substring(0, query.indexOf('=')) + "'");
        }
    }

    /** A string as the failure messages quote it: control and non-ASCII characters escaped. */
    protected static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        s.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    private int limit() {
        return (int) maxBodySize.asLongValue();
    }

    private byte[] twoMegabyteBody() throws Exception {
        return padded(2 * 1024 * 1024);
    }

    private byte[] padded(int length) throws Exception {
        Map<String, Object> body = validBody();
        body.put(write().paddedField(), "x".repeat(length));
        return RawHttp.JSON.writeValueAsBytes(body);
    }

    /**
     * A chunked write over HTTP/1.1: chunked transfer coding is HTTP/1.1's, and RawHttp's shared
     * client may be on an HTTP/2 connection by then, where a body has no coding at all.
     */
    private HttpResponse<String> chunked(byte[] body) throws Exception {
        return http11Send(
                write().method(),
                write().path(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    /** A fresh client upgrades to HTTP/2 (h2c) on its first request, a GET; what follows goes over HTTP/2. */
    private HttpClient http2Client() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgrade = client.send(
                HttpRequest.newBuilder(URI.create(base + "q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upgrade.version()).isEqualTo(HttpClient.Version.HTTP_2);
        return client;
    }

    private HttpResponse<String> withoutLength(HttpClient client, byte[] body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + write().path()))
                        .header("Authorization", "Bearer " + write().token())
                        .header("Content-Type", "application/json")
                        .method(
                                write().method(),
                                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
