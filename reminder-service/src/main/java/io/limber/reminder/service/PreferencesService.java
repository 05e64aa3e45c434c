package io.limber.reminder.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.reminder.client.WebhookTargetPolicy;
import io.limber.reminder.client.WebhookTargetPolicy.RefusedTargetException;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.TimeZones;
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

    /**
     * A member who never saved preferences is not enrolled: no schedule, no prompt, and their
     * preferences read as the defaults switched off, in the zone a first save would take.
     *
     * @param tokenZone the token's {@code zoneinfo} claim, if it has one
     */
    @Transactional
    public Current get(String memberId, Optional<String> tokenZone) {
        Optional<Preferences> saved = preferences.findSaved(memberId);
        Schedule schedule = schedules.findById(memberId);
        return new Current(
                saved.orElseGet(() -> Preferences.notEnrolled(
                        tokenZone.flatMap(TimeZones::known).orElse("UTC"))),
                saved.isPresent(),
                // While a safety pause holds no prompt comes, whatever the row says is due.
                schedule == null || schedule.safetyPaused ? null : schedule.nextDueAt);
    }

    /**
     * The zone a save is read in: the one it names, else the one saved before, else the token's
     * {@code zoneinfo}. Never a guess: prompts at 09:50 UTC come at 04:50 in New York.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem time-zone-required when none is known
     */
    @Transactional
    public String zoneOf(String memberId, String requested, Optional<String> tokenZone) {
        if (requested != null) {
            return requested; // validated with the request
        }
        return preferences
                .findSaved(memberId)
                .map(Preferences::timeZone)
                .or(() -> tokenZone.flatMap(TimeZones::known))
                .orElseThrow(() -> ReminderProblem.TIME_ZONE_REQUIRED.problem(
                        "Send timeZone (an IANA id such as America/New_York) with your first preferences:"
                                + " your token names no time zone, and prompts come in your working hours."));
    }

    /**
     * Saves the preferences and plans the next prompt from now under them. Saving with
     * {@code enabled} is what enrols a member: only then do they get a schedule. Saved switched
     * off, an existing schedule plans no prompt, and none is made.
     */
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
        Schedule schedule = prefs.enabled() || schedules.findById(memberId) != null
                ? scheduleService.replan(memberId, prefs, now)
                : null;
        return new Current(prefs, true, schedule == null || schedule.safetyPaused ? null : schedule.nextDueAt);
    }
}
