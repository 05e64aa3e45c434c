package io.limber.reminder.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.limber.events.prompt.PromptAcknowledged;
import io.limber.events.prompt.PromptDue;
import io.limber.reminder.repository.ScheduleRepository;
import io.limber.reminder.repository.WebhookDeliveryRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The reminder business meters:
 *
 * <ul>
 *   <li>{@code limber.prompts.sent}, {@code limber.prompts.deferred} and
 *       {@code limber.prompts.acknowledged{action}}: counted from what a transaction committed (its
 *       {@code limber.prompt.due} and {@code limber.prompt.acknowledged} events, its
 *       {@link PromptsDeferred}), so a rolled-back batch or action counts nothing;
 *   <li>{@code limber.prompts.due}: members whose prompt is due and not yet sent (the dispatch
 *       backlog), and {@code limber.webhook.deliveries.pending}: webhook deliveries waiting for a
 *       first attempt or a retry. Both are counts over partial indexes, read at most every
 *       {@link #REFRESH} and never on the scraping thread: a scrape returns the last value and, when
 *       it is stale, has it refreshed in the background.
 * </ul>
 */
@ApplicationScoped
@Startup
public class ReminderMetrics {

    /**
     * Fired by a dispatch batch that left due prompts unsent (the member outside working time):
     * deferring publishes no event, yet counts only if the batch commits.
     */
    public record PromptsDeferred(int count) {}

    static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ReminderMetrics.class);
    private static final List<String> ACTIONS = List.of("done", "snoozed", "dismissed");

    private final ScheduleRepository schedules;
    private final WebhookDeliveryRepository deliveries;
    private final Counter sent;
    private final Counter deferred;
    private final Map<String, Counter> acknowledged = new HashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long refreshedAt = Long.MIN_VALUE / 2;
    private volatile double due = Double.NaN;
    private volatile double pendingWebhooks = Double.NaN;

    ReminderMetrics(ScheduleRepository schedules, WebhookDeliveryRepository deliveries, MeterRegistry registry) {
        this.schedules = schedules;
        this.deliveries = deliveries;
        this.sent = Counter.builder("limber.prompts.sent")
                .description("Prompts sent, snoozed ones again included")
                .register(registry);
        this.deferred = Counter.builder("limber.prompts.deferred")
                .description("Due prompts not sent because the member was outside working time (e.g. after downtime)")
                .register(registry);
        for (String action : ACTIONS) {
            acknowledged.put(
                    action,
                    Counter.builder("limber.prompts.acknowledged")
                            .description("Prompts a member marked done, snoozed or dismissed")
                            .tag("action", action)
                            .register(registry));
        }
        Gauge.builder("limber.prompts.due", this, m -> m.fresh().due)
                .description("Members whose prompt is due now and not yet sent")
                .register(registry);
        Gauge.builder("limber.webhook.deliveries.pending", this, m -> m.fresh().pendingWebhooks)
                .description("Webhook deliveries waiting for their first attempt or a retry")
                .register(registry);
    }

    void sent(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromptDue prompt) {
        sent.increment();
    }

    void deferred(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromptsDeferred prompts) {
        deferred.increment(prompts.count());
    }

    void acknowledged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromptAcknowledged ack) {
        if (ack.action() == null) {
            return;
        }
        Counter counter = acknowledged.get(ack.action());
        if (counter != null) {
            counter.increment();
        }
    }

    private ReminderMetrics fresh() {
        if (System.nanoTime() - refreshedAt > REFRESH.toNanos() && refreshing.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::refresh);
        }
        return this;
    }

    private void refresh() {
        try {
            // A worker thread has no request context for the repositories' session: a transaction gives one.
            long[] counts = QuarkusTransaction.requiringNew()
                    .call(() -> new long[] {schedules.countDue(), deliveries.countPending()});
            due = counts[0];
            pendingWebhooks = counts[1];
        } catch (RuntimeException e) {
            LOG.debugf("Backlog gauges not refreshed: %s", e.getMessage());
        } finally {
            refreshedAt = System.nanoTime();
            refreshing.set(false);
        }
    }
}
