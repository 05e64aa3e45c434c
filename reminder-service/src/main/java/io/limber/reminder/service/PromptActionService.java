package io.limber.reminder.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.Events;
import io.limber.events.prompt.PromptAcknowledged;
import io.limber.messaging.Outbox;
import io.limber.reminder.model.Prompt;
import io.limber.reminder.model.PromptStatus;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.PromptRepository;

/** What a member does about a prompt: done, snooze, dismiss; and their history. */
@ApplicationScoped
public class PromptActionService {

    public static final Set<Integer> SNOOZE_MINUTES = Set.of(5, 10, 15);

    private final PromptRepository prompts;
    private final PreferencesRepository preferences;
    private final ScheduleService schedules;
    private final Outbox outbox;

    PromptActionService(
            PromptRepository prompts, PreferencesRepository preferences, ScheduleService schedules, Outbox outbox) {
        this.prompts = prompts;
        this.preferences = preferences;
        this.schedules = schedules;
        this.outbox = outbox;
    }

    @Transactional
    public List<Prompt> history(String memberId, int limit) {
        return prompts.history(memberId, limit);
    }

    /** Done counts as a movement break: the next prompt comes a full interval from now. */
    @Transactional
    public Prompt done(String memberId, UUID promptId) {
        Instant now = Instant.now();
        schedules.lockOrCreate(memberId, now); // schedule before prompt, in the dispatcher's lock order
        Prompt prompt = open(memberId, promptId);
        prompt.status = PromptStatus.done;
        prompt.actedAt = now;
        schedules.recordBreak(memberId, preferences.findOrNotEnrolled(memberId), now, now);
        acknowledge(prompt, "done", now, null);
        return prompt;
    }

    /** The same prompt comes again after 5, 10 or 15 minutes; twice at most. */
    @Transactional
    public Prompt snooze(String memberId, UUID promptId, int minutes) {
        if (!SNOOZE_MINUTES.contains(minutes)) {
            throw ReminderProblem.INVALID_SNOOZE.problem("minutes must be 5, 10 or 15");
        }
        Instant now = Instant.now();
        Schedule schedule = schedules.lockOrCreate(memberId, now);
        Prompt prompt = open(memberId, promptId);
        if (prompt.snoozeCount >= Prompt.MAX_SNOOZES) {
            throw ReminderProblem.SNOOZE_LIMIT.problem(
                    "This prompt was already snoozed " + Prompt.MAX_SNOOZES + " times, the most allowed");
        }
        prompt.snoozeCount++;
        prompt.status = PromptStatus.snoozed;
        prompt.actedAt = now;
        schedule.snoozedPromptId = prompt.id;
        schedule.nextDueAt = now.plusSeconds(60L * minutes);
        schedule.updatedAt = now;
        acknowledge(prompt, "snoozed", now, minutes);
        return prompt;
    }

    /** Dismissed: nothing more comes of this prompt; the schedule goes on as planned. */
    @Transactional
    public Prompt dismiss(String memberId, UUID promptId) {
        Instant now = Instant.now();
        Schedule schedule = schedules.lockOrCreate(memberId, now);
        Prompt prompt = open(memberId, promptId);
        if (prompt.id.equals(schedule.snoozedPromptId)) {
            schedule.snoozedPromptId = null;
            schedule.nextDueAt = schedules
                    .next(memberId, preferences.findOrNotEnrolled(memberId), now)
                    .orElse(null);
        }
        prompt.status = PromptStatus.dismissed;
        prompt.actedAt = now;
        acknowledge(prompt, "dismissed", now, null);
        return prompt;
    }

    private Prompt open(String memberId, UUID promptId) {
        Prompt prompt = prompts.findOwn(memberId, promptId)
                .orElseThrow(() -> ReminderProblem.PROMPT_NOT_FOUND.problem("You have no prompt " + promptId));
        if (!prompt.isOpen()) {
            throw ReminderProblem.PROMPT_CLOSED.problem("This prompt is already " + prompt.status);
        }
        return prompt;
    }

    private void acknowledge(Prompt prompt, String action, Instant at, Integer snoozeMinutes) {
        outbox.append(
                Events.PROMPT_ACKNOWLEDGED,
                prompt.memberId,
                new PromptAcknowledged(prompt.id, prompt.memberId, action, at, snoozeMinutes));
    }
}
