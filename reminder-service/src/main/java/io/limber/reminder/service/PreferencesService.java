package io.limber.reminder.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.reminder.client.WebhookTargetPolicy;
import io.limber.reminder.client.WebhookTargetPolicy.RefusedTargetException;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.ScheduleRepository;

@ApplicationScoped
public class PreferencesService {

    private final PreferencesRepository preferences;
    private final ScheduleRepository schedules;
    private final ScheduleService scheduleService;
    private final WebhookTargetPolicy webhookTargets;

    PreferencesService(
            PreferencesRepository preferences,
            ScheduleRepository schedules,
            ScheduleService scheduleService,
            WebhookTargetPolicy webhookTargets) {
        this.preferences = preferences;
        this.schedules = schedules;
        this.scheduleService = scheduleService;
        this.webhookTargets = webhookTargets;
    }

    public record Current(Preferences preferences, boolean customised, Instant nextPromptAt) {}

    @Transactional
    public Current get(String memberId) {
        Optional<Preferences> saved = preferences.findSaved(memberId);
        Schedule schedule = schedules.findById(memberId);
        return new Current(
                saved.orElseGet(Preferences::defaults),
                saved.isPresent(),
                // While a safety pause holds no prompt comes, whatever the row says is due.
                schedule == null || schedule.safetyPaused ? null : schedule.nextDueAt);
    }

    /** Saves the preferences and plans the next prompt from now under them. */
    @Transactional
    public Current update(String memberId, Preferences prefs) {
        if (prefs.webhook() != null) {
            try {
                webhookTargets.check(prefs.webhook().url());
            } catch (RefusedTargetException e) {
                throw ReminderProblem.WEBHOOK_TARGET_REFUSED.problem("webhook.url " + e.getMessage());
            }
        }
        Instant now = Instant.now();
        preferences.save(memberId, prefs, now);
        Schedule schedule = scheduleService.replan(memberId, prefs, now);
        return new Current(prefs, true, schedule.safetyPaused ? null : schedule.nextDueAt);
    }
}
