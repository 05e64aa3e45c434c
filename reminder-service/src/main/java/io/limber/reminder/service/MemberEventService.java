package io.limber.reminder.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.session.ToleranceReported;
import io.limber.reminder.model.MemberDosage;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.DosageRepository;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.PromptRepository;
import io.limber.reminder.repository.ScheduleRepository;
import io.limber.reminder.repository.WebhookDeliveryRepository;

/** What session events change for a member; called in the consumer's transaction. */
@ApplicationScoped
public class MemberEventService {

    private final ScheduleService scheduleService;
    private final ScheduleRepository schedules;
    private final PreferencesRepository preferences;
    private final PromptRepository prompts;
    private final DosageRepository dosages;
    private final WebhookDeliveryRepository webhooks;

    MemberEventService(
            ScheduleService scheduleService,
            ScheduleRepository schedules,
            PreferencesRepository preferences,
            PromptRepository prompts,
            DosageRepository dosages,
            WebhookDeliveryRepository webhooks) {
        this.scheduleService = scheduleService;
        this.schedules = schedules;
        this.preferences = preferences;
        this.prompts = prompts;
        this.dosages = dosages;
        this.webhooks = webhooks;
    }

    /** A completed session is a movement break. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionCompleted(String memberId, Instant endedAt) {
        scheduleService.recordBreak(memberId, preferences.findOrDefaults(memberId), endedAt, Instant.now());
    }

    /**
     * Scale-back or stop: only gentler moves until a later report is back in the sweet spot or
     * hold. A recommended dosage becomes the member's dosage for that exercise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toleranceReported(String memberId, ToleranceReported report) {
        Instant now = Instant.now();
        Schedule schedule = scheduleService.lockOrCreate(memberId, now);
        schedule.gentle = "scale-back".equals(report.zone()) || "stop".equals(report.zone());
        schedule.updatedAt = now;
        if (schedule.nextDueAt == null && schedule.lastBreakAt == null) {
            scheduleService.replan(memberId, preferences.findOrDefaults(memberId), now);
        }
        if (report.recommendation() != null && report.exerciseId() != null) {
            MemberDosage dosage = dosages.find(memberId, report.exerciseId()).orElse(null);
            Instant reportedAt = report.reportedAt() != null ? report.reportedAt() : now;
            boolean fresh = dosage == null;
            if (fresh) {
                dosage = new MemberDosage();
                dosage.memberId = memberId;
                dosage.exerciseId = report.exerciseId();
            } else if (dosage.reportedAt.isAfter(reportedAt)) {
                return; // a newer recommendation is already in place
            }
            dosage.sets = report.recommendation().sets();
            dosage.reps = report.recommendation().reps();
            dosage.holdSeconds = report.recommendation().holdSeconds();
            dosage.reportedAt = reportedAt;
            if (fresh) {
                dosages.persist(dosage);
            }
        }
    }

    /** The member erased their data: schedule, history, preferences and deliveries go. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String memberId) {
        // The schedule row first, in the dispatcher's lock order, so erasure never deadlocks with it.
        schedules.findForUpdate(memberId);
        webhooks.deleteMember(memberId);
        prompts.deleteMember(memberId);
        dosages.deleteMember(memberId);
        schedules.deleteById(memberId);
        preferences.deleteById(memberId);
    }
}
