package io.limber.reminder.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.config.ReminderConfig;

/** POSTs one signed Standard Webhooks message. Redirects are not followed: they could lead anywhere. */
@ApplicationScoped
public class WebhookClient {

    private final HttpClient http;
    private final WebhookTargetPolicy policy;
    private final ReminderConfig config;

    WebhookClient(WebhookTargetPolicy policy, ReminderConfig config) {
        this.policy = policy;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the receiver's HTTP status */
    public int post(String url, String webhookId, String secret, String body) throws IOException, InterruptedException {
        URI target = policy.check(url);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.webhook().timeout())
                .header("content-type", "application/json")
                .header("user-agent", "limber-reminder-service")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
