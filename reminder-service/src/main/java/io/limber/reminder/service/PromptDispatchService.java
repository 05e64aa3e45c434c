package io.limber.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.limber.events.Events;
import io.limber.events.prompt.PromptDue;
import io.limber.messaging.Outbox;
import io.limber.messaging.OutgoingEvent;
import io.limber.reminder.config.ReminderConfig;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.PromptPlanner;
import io.limber.reminder.model.CatalogExercise;
import io.limber.reminder.model.MemberDosage;
import io.limber.reminder.model.Prompt;
import io.limber.reminder.model.PromptStatus;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.CatalogRepository;
import io.limber.reminder.repository.DosageRepository;
import io.limber.reminder.repository.ExerciseSafetyRepository;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.PromptRepository;
import io.limber.reminder.repository.ScheduleRepository;

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
    private final DosageRepository dosages;
    private final ExerciseSafetyRepository safety;
    private final SuggestionPicker suggestions;
    private final WebhookDeliveryService webhooks;
    private final Outbox outbox;
    private final ReminderConfig config;
    private final Event<ReminderMetrics.PromptsDeferred> deferred;

    PromptDispatchService(
            ScheduleRepository schedules,
            PreferencesRepository preferences,
            PromptRepository prompts,
            CatalogRepository catalog,
            DosageRepository dosages,
            ExerciseSafetyRepository safety,
            SuggestionPicker suggestions,
            WebhookDeliveryService webhooks,
            Outbox outbox,
            ReminderConfig config,
            Event<ReminderMetrics.PromptsDeferred> deferred) {
        this.schedules = schedules;
        this.preferences = preferences;
        this.prompts = prompts;
        this.catalog = catalog;
        this.dosages = dosages;
        this.safety = safety;
        this.suggestions = suggestions;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.config = config;
        this.deferred = deferred;
    }

    /**
     * One batch in a handful of statements whatever its size: the due rows with their preferences,
     * prompt counts, snoozed prompts, dosages and safety states are read set-wise, prompts and schedule updates
     * are flushed as JDBC batches and the events appended with one insert. Row-at-a-time reads
     * made a burst of due prompts (everyone's 9:50) wait on round trips rather than work.
     *
     * @return how many schedule rows this batch handled
     */
    @Transactional
    public int dispatchBatch() {
        List<Schedule> due = schedules.lockDue(config.dispatch().batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        List<String> memberIds = due.stream().map(s -> s.memberId).toList();
        Batch batch = new Batch(
                now,
                preferences.findOrNotEnrolled(memberIds),
                // No member's local date is ever before the UTC date minus one; later dates are all read.
                new DailyCounts(prompts.countsSince(
                        memberIds, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1))),
                snoozedPrompts(due),
                dosages.forMembers(memberIds),
                safety.forMembers(memberIds),
                catalog.suggestable(),
                new ArrayList<>(due.size()),
                new Tally());
        for (Schedule schedule : due) {
            dispatch(schedule, batch);
        }
        // Sent prompts are counted from their committed events; deferred ones have none.
        outbox.appendAll(batch.events());
        if (batch.tally().deferred > 0) {
            deferred.fire(new ReminderMetrics.PromptsDeferred(batch.tally().deferred));
        }
        return due.size();
    }

    private record Batch(
            Instant now,
            Map<String, Preferences> preferences,
            DailyCounts counts,
            Map<UUID, Prompt> snoozed,
            Map<String, Map<UUID, MemberDosage>> dosages,
            Map<String, SafetyState> safety,
            List<CatalogExercise> catalog,
            List<OutgoingEvent> events,
            Tally tally) {

        SafetyState safetyOf(String memberId) {
            return safety.getOrDefault(memberId, SafetyState.NONE);
        }

        CatalogExercise exercise(UUID id) {
            return catalog.stream().filter(e -> e.id.equals(id)).findFirst().orElse(null);
        }
    }

    /** The due prompts a batch left unsent, for the meter that counts them if the batch commits. */
    private static final class Tally {
        int deferred;
    }

    private Map<UUID, Prompt> snoozedPrompts(List<Schedule> due) {
        List<UUID> ids = due.stream()
                .map(s -> s.snoozedPromptId)
                .filter(Objects::nonNull)
                .toList();
        return ids.isEmpty()
                ? Map.of()
                : prompts.list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, p -> p));
    }

    /**
     * However late the row is (after downtime, say), it yields at most this one prompt, and only
     * if the member is in working time now; the next one is planned from now.
     */
    private void dispatch(Schedule schedule, Batch batch) {
        String memberId = schedule.memberId;
        Preferences prefs = batch.preferences().get(memberId);
        Predicate<LocalDate> capReached = batch.counts().capReached(memberId, prefs.dailyCap());
        Instant now = batch.now();
        Instant dueAt = schedule.nextDueAt;
        UUID snoozed = schedule.snoozedPromptId;
        schedule.snoozedPromptId = null;
        if (snoozed != null) {
            Prompt prompt = batch.snoozed().get(snoozed);
            // A snoozed prompt was already counted against the cap when it was first sent.
            if (prompt != null
                    && prompt.status == PromptStatus.snoozed
                    && PromptPlanner.allows(prefs, now, day -> false)) {
                prompt.status = PromptStatus.sent;
                if (prompt.exerciseId != null
                        && !suggestions.stillSafe(
                                prompt.exerciseId, batch.exercise(prompt.exerciseId), batch.safetyOf(memberId))) {
                    // Stopped (or too demanding now) since it was first sent: it must not come again.
                    suggest(prompt, schedule, pick(schedule, prefs, batch));
                }
                publish(prompt, prefs, dueAt, batch);
            } else {
                batch.tally().deferred++;
            }
        } else if (PromptPlanner.allows(prefs, now, capReached)) {
            Prompt prompt = newPrompt(memberId, prefs, dueAt, now);
            suggest(prompt, schedule, pick(schedule, prefs, batch));
            prompts.persist(prompt);
            batch.counts().add(memberId, prompt.localDate);
            publish(prompt, prefs, dueAt, batch);
        } else {
            batch.tally().deferred++;
        }
        schedule.nextDueAt = PromptPlanner.next(prefs, now, capReached).orElse(null);
        schedule.updatedAt = now;
    }

    private void publish(Prompt prompt, Preferences prefs, Instant dueAt, Batch batch) {
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
        batch.events().add(OutgoingEvent.of(Events.PROMPT_DUE, prompt.memberId, event));
        if (prefs.deliversByWebhook()) {
            webhooks.enqueue(prefs.webhook(), event);
        }
    }

    /** Prompts per member and local date, as read at the start of a batch plus those it sends. */
    private static final class DailyCounts {

        private final Map<String, Map<LocalDate, Long>> counts;

        DailyCounts(Map<String, Map<LocalDate, Long>> counts) {
            this.counts = counts;
        }

        Predicate<LocalDate> capReached(String memberId, int dailyCap) {
            return date -> counts.getOrDefault(memberId, Map.of()).getOrDefault(date, 0L) >= dailyCap;
        }

        void add(String memberId, LocalDate date) {
            counts.computeIfAbsent(memberId, m -> new HashMap<>()).merge(date, 1L, Long::sum);
        }
    }

    private SuggestionPicker.Pick pick(Schedule schedule, Preferences prefs, Batch batch) {
        return suggestions.pick(
                prefs,
                batch.safetyOf(schedule.memberId),
                new SuggestionPicker.Recent(
                        schedule.lastExerciseId, schedule.lastMovementBreakId, schedule.lastWasMovementBreak),
                batch.catalog(),
                batch.dosages().getOrDefault(schedule.memberId, Map.of()));
    }

    /** The prompt names the suggestion, or nothing when none fits; the next pick rotates on from it. */
    private static void suggest(Prompt prompt, Schedule schedule, SuggestionPicker.Pick pick) {
        PromptDue.Suggestion suggestion = pick.suggestion();
        prompt.exerciseId = suggestion == null ? null : suggestion.exerciseId();
        prompt.exerciseSlug = suggestion == null ? null : suggestion.slug();
        prompt.exerciseName = suggestion == null ? null : suggestion.name();
        prompt.sets = suggestion == null ? null : suggestion.sets();
        prompt.reps = suggestion == null ? null : suggestion.reps();
        prompt.holdSeconds = suggestion == null ? null : suggestion.holdSeconds();
        schedule.lastExerciseId = pick.recent().lastExercise();
        schedule.lastMovementBreakId = pick.recent().lastMovementBreak();
        schedule.lastWasMovementBreak = pick.recent().lastWasMovementBreak();
    }

    private static Prompt newPrompt(String memberId, Preferences prefs, Instant dueAt, Instant now) {
        Prompt prompt = new Prompt();
        prompt.id = UUID.randomUUID();
        prompt.memberId = memberId;
        prompt.dueAt = dueAt;
        prompt.sentAt = now;
        prompt.localDate = PromptPlanner.localDate(prefs, now);
        prompt.status = PromptStatus.sent;
        return prompt;
    }
}
