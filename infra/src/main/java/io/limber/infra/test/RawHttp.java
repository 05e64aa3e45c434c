package io.limber.infra.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
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

    /**
     * A chunked POST over a plain HTTP/1.1 socket that pauses once, after the first
     * {@code pauseAfter} bytes of body, then sends the rest: a client still sending when the
     * service has already answered. Every byte must be taken (a write the service refuses, by a
     * reset, throws); answers the raw response, read until the service closes.
     */
    public String chunkedPost(String path, String token, byte[] body, int pauseAfter, Duration pause)
            throws IOException, InterruptedException {
        return chunkedSend("POST", path, token, body, pauseAfter, pause);
    }

    /** {@link #chunkedPost} with another method, for a service whose write is a PUT. */
    public String chunkedSend(String method, String path, String token, byte[] body, int pauseAfter, Duration pause)
            throws IOException, InterruptedException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + uri.getPath() + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            writeChunk(out, body, 0, Math.min(pauseAfter, body.length));
            out.flush();
            Thread.sleep(pause.toMillis());
            int chunk = 16 * 1024;
            for (int from = pauseAfter; from < body.length; from += chunk) {
                writeChunk(out, body, from, Math.min(chunk, body.length - from));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void writeChunk(OutputStream out, byte[] body, int from, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, from, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
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
