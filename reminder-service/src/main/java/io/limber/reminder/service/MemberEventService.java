package io.limber.reminder.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.session.ExerciseCleared;
import io.limber.events.session.SafetyFlagRaised;
import io.limber.events.session.SafetyFlagResolved;
import io.limber.events.session.ToleranceReported;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.SafetyRules;
import io.limber.reminder.model.ExerciseSafety;
import io.limber.reminder.model.MemberDosage;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.DosageRepository;
import io.limber.reminder.repository.ExerciseSafetyRepository;
import io.limber.reminder.repository.PreferencesRepository;
import io.limber.reminder.repository.PromptRepository;
import io.limber.reminder.repository.ScheduleRepository;
import io.limber.reminder.repository.WebhookDeliveryRepository;

/**
 * What session events change for a member; called in the consumer's transaction. Every method
 * locks the member's schedule row first, in the dispatcher's lock order, which also keeps two
 * events of one member from writing their safety rows at once.
 *
 * <p>Only a member who saved preferences switched on (opted in) has a schedule: a session of a
 * member who never did changes nothing here, and their events never make a schedule that plans
 * prompts. Safety state is kept for every member all the same, so it holds if they opt in later:
 * their stopped exercises in {@code member_exercise_safety}, and a pause on a schedule row made
 * for it, which plans nothing until they opt in (and then nothing while the pause holds).
 *
 * <p>Safety state (stopped exercises, the pause) keeps the time of the event that set it, and an
 * older event arriving later changes nothing: one member's events come in order on one partition,
 * but two transactions of the producer about one member may be published in either order. Where
 * two events carry the same time, the one that stops or pauses wins.
 */
@ApplicationScoped
public class MemberEventService {

    private final ScheduleService scheduleService;
    private final ScheduleRepository schedules;
    private final PreferencesRepository preferences;
    private final PromptRepository prompts;
    private final DosageRepository dosages;
    private final ExerciseSafetyRepository safety;
    private final WebhookDeliveryRepository webhooks;

    MemberEventService(
            ScheduleService scheduleService,
            ScheduleRepository schedules,
            PreferencesRepository preferences,
            PromptRepository prompts,
            DosageRepository dosages,
            ExerciseSafetyRepository safety,
            WebhookDeliveryRepository webhooks) {
        this.scheduleService = scheduleService;
        this.schedules = schedules;
        this.preferences = preferences;
        this.prompts = prompts;
        this.dosages = dosages;
        this.safety = safety;
        this.webhooks = webhooks;
    }

    /** A completed session is a movement break: it pushes an enrolled member's next prompt out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionCompleted(String memberId, Instant endedAt) {
        Optional<Preferences> enrolled = enrolled(memberId);
        if (enrolled.isPresent()) {
            scheduleService.recordBreak(memberId, enrolled.get(), endedAt, Instant.now());
        }
    }

    /**
     * The report's zone becomes the exercise's latest (scale-back keeps prompts gentle until that
     * exercise's own next report). Stop, urgent, a zone not known, or {@code exerciseState:
     * stopped} stops the exercise until a clearance; urgent or {@code memberPaused} pauses the
     * member. Otherwise a recommended dosage becomes the member's dosage for the exercise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toleranceReported(String memberId, ToleranceReported report) {
        Instant now = Instant.now();
        Optional<Schedule> schedule = member(memberId, now);
        Instant at = report.reportedAt() != null ? report.reportedAt() : now;
        boolean stops = SafetyRules.stopsExercise(report.zone(), report.exerciseState());
        if (report.exerciseId() != null) {
            ExerciseSafety exercise = exercise(memberId, report.exerciseId(), now);
            if (exercise.zoneAt == null || !at.isBefore(exercise.zoneAt)) {
                exercise.zone = report.zone();
                exercise.zoneAt = at;
            }
            if (stops) {
                stop(exercise, at);
            }
        } else if (stops) {
            throw new IllegalArgumentException("A report that stops an exercise names no exerciseId");
        }
        if (SafetyRules.pausesMember(report.zone(), report.memberPaused())) {
            pause(schedule, memberId, at, now);
        }
        if (!stops && report.recommendation() != null && report.exerciseId() != null) {
            recommend(memberId, report.exerciseId(), report.recommendation(), at);
        }
    }

    /** A flag stops its exercise (whatever its zone: urgent is graver than stop) and may pause the member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void safetyFlagRaised(String memberId, SafetyFlagRaised flag) {
        Instant now = Instant.now();
        Optional<Schedule> schedule = member(memberId, now);
        Instant at = flag.raisedAt() != null ? flag.raisedAt() : now;
        stop(exercise(memberId, requireExercise(flag.exerciseId()), now), at);
        if (flag.memberPaused()) {
            pause(schedule, memberId, at, now);
        }
    }

    /**
     * {@code memberPaused: false} ends the member's pause; the next prompt is planned afresh from
     * now. A stopped exercise stays stopped: only a clearance lifts that.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void safetyFlagResolved(String memberId, SafetyFlagResolved resolved) {
        if (resolved.resolvedAt() == null) {
            throw new IllegalArgumentException("The resolution has no resolvedAt");
        }
        Instant now = Instant.now();
        Optional<Schedule> found = member(memberId, now);
        Instant at = resolved.resolvedAt();
        if (resolved.memberPaused()) {
            pause(found, memberId, at, now); // another urgent flag is still open
            return;
        }
        Schedule schedule = found.orElseGet(() -> scheduleService.lockOrCreate(memberId, now));
        if (schedule.safetyPauseChangedAt == null || at.isAfter(schedule.safetyPauseChangedAt)) {
            boolean wasPaused = schedule.safetyPaused;
            schedule.safetyPaused = false;
            schedule.safetyPauseChangedAt = at;
            if (wasPaused) {
                enrolled(memberId).ifPresent(prefs -> scheduleService.replan(memberId, prefs, now));
            }
        }
        schedule.updatedAt = now;
    }

    /** A clinician cleared the exercise: it may be suggested again, at the dose the clearance gives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exerciseCleared(String memberId, ExerciseCleared cleared) {
        if (cleared.clearedAt() == null) {
            throw new IllegalArgumentException("The clearance has no clearedAt");
        }
        Instant now = Instant.now();
        member(memberId, now);
        Instant at = cleared.clearedAt();
        ExerciseSafety exercise = exercise(memberId, requireExercise(cleared.exerciseId()), now);
        if (exercise.stopChangedAt != null && !at.isAfter(exercise.stopChangedAt)) {
            return; // stopped again since: this clearance is older than that stop
        }
        exercise.stopped = false;
        exercise.stopChangedAt = at;
        if (exercise.zoneAt == null || !at.isBefore(exercise.zoneAt)) {
            exercise.zone = null; // its scale-back, if any, no longer keeps prompts gentle
            exercise.zoneAt = at;
        }
        if (cleared.recommendation() != null) {
            recommend(memberId, exercise.exerciseId, cleared.recommendation(), at);
        }
    }

    /** The member erased their data: schedule, history, preferences, safety state and deliveries go. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String memberId) {
        // The schedule row first, in the dispatcher's lock order, so erasure never deadlocks with it.
        schedules.findForUpdate(memberId);
        webhooks.deleteMember(memberId);
        prompts.deleteMember(memberId);
        dosages.deleteMember(memberId);
        safety.deleteMember(memberId);
        schedules.deleteById(memberId);
        preferences.deleteById(memberId);
    }

    /**
     * The member's schedule row, locked; an enrolled member without one gets it. Empty for a
     * member who never opted in and has no row.
     */
    private Optional<Schedule> member(String memberId, Instant now) {
        Schedule schedule = schedules.findForUpdate(memberId);
        if (schedule != null) {
            return Optional.of(schedule);
        }
        return enrolled(memberId).map(prefs -> scheduleService.replan(memberId, prefs, now));
    }

    /** The member's preferences if they saved them switched on: only then do prompts come. */
    private Optional<Preferences> enrolled(String memberId) {
        return preferences.findSaved(memberId).filter(Preferences::enabled);
    }

    private ExerciseSafety exercise(String memberId, UUID exerciseId, Instant now) {
        ExerciseSafety exercise = safety.find(memberId, exerciseId).orElse(null);
        if (exercise == null) {
            exercise = new ExerciseSafety();
            exercise.memberId = memberId;
            exercise.exerciseId = exerciseId;
            exercise.updatedAt = now;
            safety.persist(exercise);
        }
        exercise.updatedAt = now;
        return exercise;
    }

    private static void stop(ExerciseSafety exercise, Instant at) {
        if (exercise.stopChangedAt == null || !at.isBefore(exercise.stopChangedAt)) {
            exercise.stopped = true;
            exercise.stopChangedAt = at;
        }
    }

    /** Pauses the member; one who never opted in gets a schedule row that holds only the pause. */
    private void pause(Optional<Schedule> found, String memberId, Instant at, Instant now) {
        Schedule schedule = found.orElseGet(() -> scheduleService.lockOrCreate(memberId, now));
        if (schedule.safetyPauseChangedAt == null || !at.isBefore(schedule.safetyPauseChangedAt)) {
            schedule.safetyPaused = true;
            schedule.safetyPauseChangedAt = at;
        }
    }

    private void recommend(
            String memberId, UUID exerciseId, ToleranceReported.Recommendation recommendation, Instant at) {
        MemberDosage dosage = dosages.find(memberId, exerciseId).orElse(null);
        boolean fresh = dosage == null;
        if (fresh) {
            dosage = new MemberDosage();
            dosage.memberId = memberId;
            dosage.exerciseId = exerciseId;
        } else if (dosage.reportedAt.isAfter(at)) {
            return; // a newer recommendation is already in place
        }
        dosage.sets = recommendation.sets();
        dosage.reps = recommendation.reps();
        dosage.holdSeconds = recommendation.holdSeconds();
        dosage.reportedAt = at;
        if (fresh) {
            dosages.persist(dosage);
        }
    }

    private static UUID requireExercise(UUID exerciseId) {
        if (exerciseId == null) {
            throw new IllegalArgumentException("The event names no exerciseId");
        }
        return exerciseId;
    }
}
