package io.limber.infra.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Raw requests for the services' hostile-input tests, for bodies RestAssured would mangle or slow down: it takes tens of seconds over a
 * string of 10,000 brackets, and reads braces in path values as templates.
 */
public record RawHttp(String base) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /**
     * Writes request bodies with every non-ASCII character escaped, so text that is not valid
     * UTF-8 (a lone surrogate) reaches the service as sent instead of as the '?' an encoder makes.
     */
    public static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    public HttpResponse<String> send(String method, String path, String token, byte[] body, boolean chunked) {
        return send(method, path, token, body, chunked, null);
    }

    public HttpResponse<String> send(
            String method, String path, String token, byte[] body, boolean chunked, String ifMatch) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            // An input stream has no known length, so the client sends it chunked.
            request.method(
                    method,
                    chunked
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return send("POST", path, token, json.getBytes(StandardCharsets.UTF_8), false);
    }

    public static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("(none)");
    }

    public static boolean isProblem(HttpResponse<?> response, int status) {
        return response.statusCode() == status && type(response).startsWith("application/problem+json");
    }
}
