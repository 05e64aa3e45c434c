package io.limber.reminder.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;

import io.agroal.api.AgroalDataSource;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prompts POSTed to a member's webhook, received by a real HTTP server and checked the way a
 * receiver following the Standard Webhooks scheme would, written here from the scheme itself.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private HttpServer receiver;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresToGive = new ConcurrentHashMap<>();
    private Db db;
    private Members members;

    record Received(Map<String, List<String>> headers, String body, Instant at) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        db = new Db(dataSource);
        members = new Members(db);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            AtomicInteger failures = failuresToGive.getOrDefault(path, new AtomicInteger());
            int status = failures.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aPromptIsPostedSignedAndRetriedWithBackoffUntilItIsAccepted() throws Exception {
        double deliveredBefore = outcomes("delivered");
        double retriedBefore = outcomes("retried");
        String member = Members.newId();
        String secret = newSecret();
        String path = "/hooks/" + member;
        failuresToGive.put(path, new AtomicInteger(2));
        subscribe(member, path, secret);

        members.dueAt(member, Instant.now());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> received.getOrDefault(path, List.of()).size() == 3);
        List<Received> attempts = received.get(path);
        assertThat(attempts)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(attempts.get(0).header("webhook-id"));
        for (Received attempt : attempts) {
            assertThat(verify(secret, attempt))
                    .as("signature of %s", attempt.headers())
                    .isTrue();
            assertThat(attempt.header("content-type")).isEqualTo("application/json");
        }
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        JsonNode payload = CloudEvents.JSON.readTree(attempts.get(0).body());
        assertThat(payload.get("type").asText()).isEqualTo("limber.prompt.due");
        assertThat(payload.get("data").get("memberId").asText()).isEqualTo(member);
        assertThat(payload.get("data").get("channels").toString()).contains("webhook");

        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(deliveryStatus(member)));
        assertThat(db.one("SELECT attempts FROM webhook_delivery WHERE member_id = ?", Integer.class, member))
                .isEqualTo(3);
        assertThat(outcomes("delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1);
        assertThat(outcomes("retried")).isGreaterThanOrEqualTo(retriedBefore + 2);
    }

    @Test
    void aWebhookThatKeepsFailingIsGivenUpOnAndRecorded() {
        double failedBefore = outcomes("failed");
        String member = Members.newId();
        String path = "/hooks/" + member;
        failuresToGive.put(path, new AtomicInteger(1000));
        subscribe(member, path, newSecret());

        members.dueAt(member, Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(deliveryStatus(member)));
        assertThat(received.get(path)).hasSize(4); // limber.reminders.webhook.max-attempts in tests
        assertThat(db.one("SELECT last_error FROM webhook_delivery WHERE member_id = ?", String.class, member))
                .isEqualTo("HTTP 503");
        assertThat(outcomes("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
    }

    /** limber.webhook.deliveries{outcome}: this JVM's count so far. */
    private double outcomes(String outcome) {
        return registry.counter("limber.webhook.deliveries", "outcome", outcome).count();
    }

    @Test
    void aTamperedBodyAnotherSecretOrAReplayOutsideTheToleranceFailsVerification() throws Exception {
        String member = Members.newId();
        String secret = newSecret();
        String path = "/hooks/" + member;
        subscribe(member, path, secret);
        members.dueAt(member, Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> received.getOrDefault(path, List.of()).size() == 1);
        Received genuine = received.get(path).get(0);

        Received tampered =
                new Received(genuine.headers(), genuine.body().replace(member, "member-mallory"), genuine.at());
        assertThat(verify(secret, genuine)).isTrue();
        assertThat(verify(secret, tampered)).isFalse();
        assertThat(verify(newSecret(), genuine)).isFalse();

        // A captured delivery replayed later: refused outside the 5-minute tolerance, and its
        // timestamp cannot be refreshed because the signature covers it.
        Instant sent = Instant.ofEpochSecond(Long.parseLong(genuine.header("webhook-timestamp")));
        assertThat(verify(secret, genuine, sent.plusSeconds(299))).isTrue();
        assertThat(verify(secret, genuine, sent.plusSeconds(301))).isFalse();
        Map<String, List<String>> refreshed = new java.util.HashMap<>(genuine.headers());
        refreshed.keySet().removeIf(name -> name.equalsIgnoreCase("webhook-timestamp"));
        refreshed.put(
                "webhook-timestamp", List.of(Long.toString(sent.plusSeconds(600).getEpochSecond())));
        assertThat(verify(secret, new Received(refreshed, genuine.body(), genuine.at()), sent.plusSeconds(600)))
                .isFalse();
    }

    private void subscribe(String member, String path, String secret) {
        Map<String, Object> prefs = new java.util.HashMap<>(Members.alwaysWorking(60));
        prefs.put("channels", List.of("push", "webhook"));
        prefs.put(
                "webhook",
                Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path, "secret", secret));
        members.put(member, prefs);
    }

    private String deliveryStatus(String member) {
        return db.one("SELECT status FROM webhook_delivery WHERE member_id = ?", String.class, member);
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A receiver's check with the Standard Webhooks reference library, against the wall clock. */
    static boolean verify(String secret, Received request) throws Exception {
        try {
            new Webhook(secret).verify(request.body(), request.headers());
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    /**
     * The same check as a receiver would make at {@code now}. The library's verify reads the wall
     * clock, so its 5-minute tolerance is applied here, and the signature the request must carry
     * is still the library's own.
     */
    static boolean verify(String secret, Received request, Instant now) throws Exception {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sent) > 300) {
            return false;
        }
        byte[] expected = new Webhook(secret).sign(id, sent, request.body()).getBytes(StandardCharsets.US_ASCII);
        return Arrays.stream(signatures.split(" "))
                .anyMatch(candidate -> MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII)));
    }
}
