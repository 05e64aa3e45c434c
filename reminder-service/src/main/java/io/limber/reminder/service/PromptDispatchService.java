package io.limber.reminder.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.prompt.PromptDue;
import io.limber.messaging.Outbox;
import io.limber.messaging.OutgoingEvent;
import io.limber.reminder.config.ReminderConfig;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.PromptPlanner;
import io.limber.reminder.model.CatalogExercise;
import io.limber.reminder.model.Prompt;
import io.limber.reminder.model.PromptStatus;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.CatalogRepository;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.PromptRepository;
import io.limber.reminder.repository.ScheduleRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the prompts that are due, one batch per transaction.
 *
 * <p>Each batch locks its schedule rows with {@code FOR UPDATE SKIP LOCKED}, so replicas share the
 * work and never take the same row. The prompt, its {@code limber.prompt.due} event (through the
 * outbox) and the member's next due time commit together: a replica that dies mid-batch rolls all
 * of it back and the rows are due again, and a committed prompt is published exactly once by the
 * outbox relay, even if Kafka is down at that moment. Publishing directly to Kafka inside the
 * transaction could not give both: a send followed by a failed commit would repeat the prompt.
 */
@ApplicationScoped
public class PromptDispatchService {

    private final ScheduleRepository schedules;
    private final PreferencesRepository preferences;
    private final PromptRepository prompts;
    private final CatalogRepository catalog;
    private final ScheduleService scheduleService;
    private final SuggestionPicker suggestions;
    private final WebhookDeliveryService webhooks;
    private final Outbox outbox;
    private final ReminderConfig config;
    private final Counter sent;
    private final Counter deferred;

    PromptDispatchService(
            ScheduleRepository schedules,
            PreferencesRepository preferences,
            PromptRepository prompts,
            CatalogRepository catalog,
            ScheduleService scheduleService,
            SuggestionPicker suggestions,
            WebhookDeliveryService webhooks,
            Outbox outbox,
            ReminderConfig config,
            MeterRegistry registry) {
        this.schedules = schedules;
        this.preferences = preferences;
        this.prompts = prompts;
        this.catalog = catalog;
        this.scheduleService = scheduleService;
        this.suggestions = suggestions;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.config = config;
        this.sent = Counter.builder("limber.prompts.sent")
                .description("Prompts sent, snoozed ones again included")
                .register(registry);
        this.deferred = Counter.builder("limber.prompts.deferred")
                .description("Due prompts not sent because the member was outside working time (e.g. after downtime)")
                .register(registry);
    }

    /** @return how many schedule rows this batch handled */
    @Transactional
    public int dispatchBatch() {
        List<String> due = schedules.lockDue(config.dispatch().batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        List<CatalogExercise> deskBreaks = catalog.deskBreaks();
        Instant now = Instant.now();
        for (String memberId : due) {
            dispatch(schedules.findById(memberId), deskBreaks, now);
        }
        return due.size();
    }

    /**
     * However late the row is (after downtime, say), it yields at most this one prompt, and only
     * if the member is in working time now; the next one is planned from now.
     */
    private void dispatch(Schedule schedule, List<CatalogExercise> deskBreaks, Instant now) {
        Preferences prefs = preferences.findOrDefaults(schedule.memberId);
        Instant dueAt = schedule.nextDueAt;
        UUID snoozed = schedule.snoozedPromptId;
        schedule.snoozedPromptId = null;
        if (snoozed != null) {
            Prompt prompt = prompts.findById(snoozed);
            // A snoozed prompt was already counted against the cap when it was first sent.
            if (prompt != null
                    && prompt.status == PromptStatus.snoozed
                    && PromptPlanner.allows(prefs, now, day -> false)) {
                prompt.status = PromptStatus.sent;
                publish(prompt, prefs, dueAt);
            } else {
                deferred.increment();
            }
        } else if (PromptPlanner.allows(prefs, now, scheduleService.capReached(schedule.memberId, prefs))) {
            PromptDue.Suggestion suggestion =
                    suggestions.pick(schedule.memberId, prefs, schedule.gentle, schedule.lastExerciseId, deskBreaks);
            Prompt prompt = newPrompt(schedule.memberId, prefs, dueAt, now, suggestion);
            prompts.persist(prompt);
            if (suggestion != null) {
                schedule.lastExerciseId = suggestion.exerciseId();
            }
            publish(prompt, prefs, dueAt);
        } else {
            deferred.increment();
        }
        schedule.nextDueAt = scheduleService.next(schedule.memberId, prefs, now).orElse(null);
        schedule.updatedAt = now;
    }

    private void publish(Prompt prompt, Preferences prefs, Instant dueAt) {
        PromptDue event = new PromptDue(
                prompt.id,
                prompt.memberId,
                dueAt,
                prefs.timeZone(),
                prompt.exerciseId == null
                        ? null
                        : new PromptDue.Suggestion(
                                prompt.exerciseId,
                                prompt.exerciseSlug,
                                prompt.exerciseName,
                                prompt.sets,
                                prompt.reps,
                                prompt.holdSeconds),
                prefs.channels().stream().sorted().toList());
        outbox.append(new OutgoingEvent(
                Topic.PROMPTS.name(),
                prompt.memberId,
                EventTypes.PROMPT_DUE,
                prompt.memberId,
                EventTypes.dataSchema(EventTypes.PROMPT_DUE, 1),
                event));
        if (prefs.deliversByWebhook()) {
            webhooks.enqueue(prefs.webhook(), event);
        }
        sent.increment();
    }

    private static Prompt newPrompt(
            String memberId, Preferences prefs, Instant dueAt, Instant now, PromptDue.Suggestion suggestion) {
        Prompt prompt = new Prompt();
        prompt.id = UUID.randomUUID();
        prompt.memberId = memberId;
        prompt.dueAt = dueAt;
        prompt.sentAt = now;
        prompt.localDate = PromptPlanner.localDate(prefs, now);
        prompt.status = PromptStatus.sent;
        if (suggestion != null) {
            prompt.exerciseId = suggestion.exerciseId();
            prompt.exerciseSlug = suggestion.slug();
            prompt.exerciseName = suggestion.name();
            prompt.sets = suggestion.sets();
            prompt.reps = suggestion.reps();
            prompt.holdSeconds = suggestion.holdSeconds();
        }
        return prompt;
    }
}
