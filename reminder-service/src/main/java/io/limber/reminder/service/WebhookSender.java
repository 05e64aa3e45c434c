package io.limber.reminder.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.limber.messaging.BatchLoop;
import io.limber.reminder.client.Backoff;
import io.limber.reminder.client.WebhookClient;
import io.limber.reminder.client.WebhookTargetPolicy.RefusedTargetException;
import io.limber.reminder.config.ReminderConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers queued webhooks on one background thread per replica. Each delivery is claimed under a
 * lease, sent outside any transaction, and recorded; failures are retried with exponential
 * backoff and jitter until the attempts run out, then recorded as failed.
 */
@ApplicationScoped
public class WebhookSender {

    private final WebhookDeliveryService deliveries;
    private final WebhookClient client;
    private final ReminderConfig.Webhook config;
    private final Backoff backoff;
    private BatchLoop loop;

    WebhookSender(WebhookDeliveryService deliveries, WebhookClient client, ReminderConfig config) {
        this.deliveries = deliveries;
        this.client = client;
        this.config = config.webhook();
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff());
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            loop = BatchLoop.start(
                    "webhook-sender",
                    "queued deliveries wait",
                    config.batchSize(),
                    config.pollInterval(),
                    config.pollInterval(),
                    this::deliverBatch);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    private int deliverBatch() throws InterruptedException {
        // Longer than one attempt can take, so a delivery is never sent by two replicas at once.
        Duration lease = config.timeout().multipliedBy(3);
        List<WebhookDeliveryService.Claimed> batch = deliveries.claim(config.batchSize(), lease);
        for (WebhookDeliveryService.Claimed delivery : batch) {
            send(delivery);
        }
        return batch.size();
    }

    private void send(WebhookDeliveryService.Claimed delivery) throws InterruptedException {
        if (delivery.secret() == null) {
            deliveries.failed(delivery.id(), "The member removed their webhook", null);
            return;
        }
        String error;
        try {
            int status = client.post(delivery.url(), delivery.id().toString(), delivery.secret(), delivery.payload());
            if (status >= 200 && status < 300) {
                deliveries.delivered(delivery.id());
                return;
            }
            error = "HTTP " + status;
        } catch (RefusedTargetException e) {
            deliveries.failed(delivery.id(), "Target refused: the URL " + e.getMessage(), null);
            return;
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempts = delivery.attempts() + 1;
        deliveries.failed(
                delivery.id(),
                error,
                attempts >= config.maxAttempts() ? null : backoff.delay(attempts, ThreadLocalRandom.current()));
    }
}
