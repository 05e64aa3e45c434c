package io.limber.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventTypes;
import io.limber.events.prompt.PromptDue;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.model.WebhookDelivery;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.WebhookDeliveryRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The transactional side of webhook delivery: queueing, claiming and recording attempts. */
@ApplicationScoped
public class WebhookDeliveryService {

    private final WebhookDeliveryRepository deliveries;
    private final PreferencesRepository preferences;
    private final ObjectMapper mapper;
    private final Counter delivered;
    private final Counter retried;
    private final Counter gaveUp;

    WebhookDeliveryService(
            WebhookDeliveryRepository deliveries,
            PreferencesRepository preferences,
            ObjectMapper mapper,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.mapper = mapper;
        this.delivered = outcome(registry, "delivered");
        this.retried = outcome(registry, "retried");
        this.gaveUp = outcome(registry, "failed");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("limber.webhook.deliveries")
                .description(
                        "Webhook delivery attempts by outcome: delivered, retried (will be tried again) or failed (given up)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Queued in the dispatch transaction, so a webhook exists exactly when the prompt does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Preferences.Webhook webhook, PromptDue event) {
        Instant now = Instant.now();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.promptId = event.promptId();
        delivery.memberId = event.memberId();
        delivery.url = webhook.url();
        delivery.payload = payload(event, now);
        delivery.status = WebhookDelivery.Status.pending;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        deliveries.persist(delivery);
    }

    /** A claimed delivery with what the sender needs; the secret is read now, so a rotated one applies. */
    public record Claimed(UUID id, String url, String secret, String payload, int attempts) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Duration lease) {
        return deliveries.claimDue(limit, lease).stream()
                .map(deliveries::findById)
                .map(d -> {
                    Preferences.Webhook webhook =
                            preferences.findOrNotEnrolled(d.memberId).webhook();
                    return new Claimed(d.id, d.url, webhook == null ? null : webhook.secret(), d.payload, d.attempts);
                })
                .toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(UUID id) {
        WebhookDelivery delivery = deliveries.findById(id);
        if (delivery != null) {
            delivery.attempts++;
            delivery.status = WebhookDelivery.Status.delivered;
            delivery.lastError = null;
            delivery.finishedAt = Instant.now();
            delivered.increment();
        }
    }

    /** @param retryIn null to give up now (the target is refused, or attempts are used up) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(UUID id, String error, Duration retryIn) {
        WebhookDelivery delivery = deliveries.findById(id);
        if (delivery == null) {
            return; // the member was erased meanwhile
        }
        delivery.attempts++;
        delivery.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (retryIn == null) {
            delivery.status = WebhookDelivery.Status.failed;
            delivery.finishedAt = Instant.now();
            gaveUp.increment();
        } else {
            delivery.nextAttemptAt = Instant.now().plus(retryIn);
            retried.increment();
        }
    }

    /** The Standard Webhooks payload shape: type, timestamp and data. */
    private String payload(PromptDue event, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", EventTypes.PROMPT_DUE);
        payload.put("timestamp", now.toString());
        payload.put("data", event);
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Webhook payload cannot be written as JSON", e);
        }
    }
}
