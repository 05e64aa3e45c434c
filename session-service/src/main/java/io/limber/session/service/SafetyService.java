package io.limber.session.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.Events;
import io.limber.events.session.ExerciseCleared;
import io.limber.events.session.SafetyFlagRaised;
import io.limber.events.session.SafetyFlagResolved;
import io.limber.events.session.ToleranceReported;
import io.limber.messaging.Outbox;
import io.limber.session.api.RecommendationView;
import io.limber.session.api.SafetyFlagPage;
import io.limber.session.api.SafetyFlagView;
import io.limber.session.config.ToleranceConfig;
import io.limber.session.domain.Dosage;
import io.limber.session.domain.RuleSet;
import io.limber.session.domain.ToleranceClassifier;
import io.limber.session.domain.Zone;
import io.limber.session.mapping.ToleranceMapper;
import io.limber.session.model.CatalogExercise;
import io.limber.session.model.ExerciseSafety;
import io.limber.session.model.Recommendation;
import io.limber.session.model.SafetyFlag;
import io.limber.session.model.SafetyFlagAction;
import io.limber.session.model.ToleranceReport;
import io.limber.session.repository.CatalogExerciseRepository;
import io.limber.session.repository.ExerciseSafetyRepository;
import io.limber.session.repository.RecommendationRepository;
import io.limber.session.repository.SafetyFlagRepository;

/**
 * The safety state a report leaves, and what clinicians do about it. A stop or urgent report
 * stops the exercise for the member until a clinician clears it; an urgent one (a red flag) also
 * pauses every exercise of the member until a clinician resolves its flag. Each report that is a
 * new concern raises a flag in the clinicians' queue of the member's employer. Every change is an
 * event on {@code limber.sessions.v1}, appended in the same transaction.
 */
@ApplicationScoped
public class SafetyService {

    static final String SERVICE_ACTOR = "session-service";

    private final ExerciseSafetyRepository states;
    private final SafetyFlagRepository flags;
    private final RecommendationRepository recommendations;
    private final CatalogExerciseRepository catalog;
    private final ToleranceConfig config;
    private final Outbox outbox;

    SafetyService(
            ExerciseSafetyRepository states,
            SafetyFlagRepository flags,
            RecommendationRepository recommendations,
            CatalogExerciseRepository catalog,
            ToleranceConfig config,
            Outbox outbox) {
        this.states = states;
        this.flags = flags;
        this.recommendations = recommendations;
        this.catalog = catalog;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * What a report leaves behind: the exercise's state, whether the member is paused, and the
     * flag it raised (null when none), to announce after the report's own event.
     */
    public record Outcome(String exerciseState, boolean memberPaused, SafetyFlagRaised raised) {}

    public boolean stopped(String memberId, UUID exerciseId) {
        return states.stopped(memberId, exerciseId);
    }

    public boolean memberPaused(String memberId) {
        return flags.memberPaused(memberId);
    }

    public String state(String memberId, UUID exerciseId) {
        return states.state(memberId, exerciseId);
    }

    /** Called in the report's transaction, after its recommendation is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(ToleranceReport report, ToleranceClassifier.Classification result, Instant at) {
        Zone zone = result.zone();
        if (zone.stops()) {
            ExerciseSafety state =
                    states.find(report.memberId, report.exerciseId).orElse(null);
            if (state == null) {
                state = new ExerciseSafety();
                state.memberId = report.memberId;
                state.exerciseId = report.exerciseId;
                state.state = ExerciseSafety.STOPPED;
                state.reportId = report.id;
                state.changedAt = at;
                states.persist(state);
            } else if (!ExerciseSafety.STOPPED.equals(state.state)) {
                state.state = ExerciseSafety.STOPPED;
                state.reportId = report.id;
                state.changedAt = at;
                state.changedBy = null;
            }
        }
        SafetyFlagRaised raised = result.raisesFlag() ? raise(report, zone, result.reason(), at) : null;
        return new Outcome(
                states.state(report.memberId, report.exerciseId), flags.memberPaused(report.memberId), raised);
    }

    /** Appends the flag an outcome raised, once the report's own event is in the outbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Outcome outcome) {
        if (outcome.raised() != null) {
            outbox.append(Events.SAFETY_FLAG_RAISED, outcome.raised().memberId(), outcome.raised());
        }
    }

    private SafetyFlagRaised raise(ToleranceReport report, Zone zone, String reason, Instant at) {
        SafetyFlag flag = new SafetyFlag();
        flag.id = UUID.randomUUID();
        flag.memberId = report.memberId;
        flag.employerId = report.employerId;
        flag.exerciseId = report.exerciseId;
        flag.reportId = report.id;
        flag.zone = zone.wireName();
        flag.reason = reason;
        flag.redFlags = report.redFlags;
        flag.status = SafetyFlag.OPEN;
        flag.raisedAt = at;
        flags.persist(flag);
        flags.flush(); // memberPaused below counts it
        audit(flag, SERVICE_ACTOR, "raised", null, at);
        return new SafetyFlagRaised(
                flag.id,
                flag.memberId,
                flag.exerciseId,
                flag.reportId,
                flag.zone,
                flag.reason,
                flag.redFlags,
                flags.memberPaused(flag.memberId),
                at);
    }

    /**
     * A clinician clears a stopped exercise: it resumes one step below the dose it had before
     * the stop (never below the exercise's minimum), and the stop's open flags are resolved.
     */
    @Transactional
    public RecommendationView clear(String clinicianId, Caller member, UUID exerciseId, String note) {
        CatalogExercise exercise = catalog.findById(exerciseId);
        if (exercise == null) {
            throw SessionProblem.UNKNOWN_EXERCISE.problem(
                    "Exercise " + exerciseId + " is not in the published catalog.");
        }
        ExerciseSafety state = states.find(member.memberId(), exerciseId)
                .filter(s -> ExerciseSafety.STOPPED.equals(s.state))
                .orElseThrow(() -> SessionProblem.NOT_STOPPED.problem("Exercise " + exerciseId
                        + " is not stopped for member " + member.memberId() + "; nothing to clear."));
        Recommendation stop =
                recommendations.latestStop(member.memberId(), exerciseId).orElse(null);
        Dosage beforeStop = exercise.range().clamp(stop == null ? exercise.defaultDosage() : stop.previousDosage());
        Dosage resume = exercise.range().stepDown(beforeStop, config.holdStepSeconds());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Recommendation cleared = new Recommendation();
        cleared.id = UUID.randomUUID();
        cleared.memberId = member.memberId();
        cleared.exerciseId = exerciseId;
        cleared.triggerReport = stop != null ? stop.triggerReport : state.reportId;
        cleared.basedOnReports = stop != null ? stop.basedOnReports : List.of(state.reportId);
        cleared.zone = Zone.HOLD.wireName();
        cleared.sets = resume.sets();
        cleared.reps = resume.reps();
        cleared.holdSeconds = resume.holdSeconds();
        cleared.previousSets = beforeStop.sets();
        cleared.previousReps = beforeStop.reps();
        cleared.previousHold = beforeStop.holdSeconds();
        cleared.clearedBy = clinicianId;
        cleared.reason = "Cleared to resume by clinician " + clinicianId + " (" + note.strip() + "): "
                + exercise.name + " continues at " + resume + ", one step below " + beforeStop
                + ", the dose before the stop; the next reports progress it as usual.";
        cleared.ruleSet = RuleSet.current(config);
        cleared.createdAt = now;
        recommendations.persist(cleared);

        state.state = ExerciseSafety.CLEARED;
        state.changedAt = now;
        state.changedBy = clinicianId;

        UUID resolvedFlag = null;
        for (SafetyFlag flag : flags.unresolvedStops(member.memberId(), exerciseId)) {
            resolve(flag, clinicianId, "cleared", note, now);
            resolvedFlag = flag.id;
        }
        outbox.append(
                Events.EXERCISE_CLEARED,
                member.memberId(),
                new ExerciseCleared(
                        cleared.id,
                        member.memberId(),
                        exerciseId,
                        clinicianId,
                        new ToleranceReported.Recommendation(resume.sets(), resume.reps(), resume.holdSeconds()),
                        resolvedFlag,
                        now));
        return ToleranceMapper.toView(cleared);
    }

    @Transactional
    public SafetyFlagPage queue(String employerId, String status, int page, int size) {
        List<SafetyFlag> found = flags.queue(employerId, status, page, size);
        return new SafetyFlagPage(views(found), page, size, flags.queued(employerId, status));
    }

    @Transactional
    public SafetyFlagView find(String employerId, UUID flagId) {
        return view(owned(employerId, flagId));
    }

    @Transactional
    public SafetyFlagView acknowledge(String employerId, String clinicianId, UUID flagId, String note) {
        SafetyFlag flag = owned(employerId, flagId);
        if (!SafetyFlag.OPEN.equals(flag.status)) {
            throw SessionProblem.FLAG_NOT_OPEN.problem(
                    "Safety flag " + flagId + " is " + flag.status + ", not open: nothing to acknowledge.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        flag.status = SafetyFlag.ACKNOWLEDGED;
        flag.acknowledgedAt = now;
        flag.acknowledgedBy = clinicianId;
        audit(flag, clinicianId, "acknowledged", blankToNull(note), now);
        return view(flag);
    }

    /** Resolving the member's last unresolved urgent flag ends their pause. */
    @Transactional
    public SafetyFlagView resolve(String employerId, String clinicianId, UUID flagId, String note) {
        SafetyFlag flag = owned(employerId, flagId);
        if (SafetyFlag.RESOLVED.equals(flag.status)) {
            throw SessionProblem.FLAG_RESOLVED.problem("Safety flag " + flagId + " is already resolved.");
        }
        resolve(flag, clinicianId, "resolved", note, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return view(flag);
    }

    private void resolve(SafetyFlag flag, String clinicianId, String action, String note, Instant at) {
        flag.status = SafetyFlag.RESOLVED;
        flag.resolvedAt = at;
        flag.resolvedBy = clinicianId;
        flags.flush(); // memberPaused below no longer counts it
        audit(flag, clinicianId, action, note.strip(), at);
        outbox.append(
                Events.SAFETY_FLAG_RESOLVED,
                flag.memberId,
                new SafetyFlagResolved(
                        flag.id,
                        flag.memberId,
                        flag.exerciseId,
                        flag.zone,
                        clinicianId,
                        flags.memberPaused(flag.memberId),
                        at));
    }

    /** A clinician of another employer is answered as if the flag did not exist. */
    private SafetyFlag owned(String employerId, UUID flagId) {
        SafetyFlag flag = flags.findById(flagId);
        if (flag == null || !flag.employerId.equals(employerId)) {
            throw SessionProblem.SAFETY_FLAG_NOT_FOUND.problem("No safety flag " + flagId + " for this clinician.");
        }
        return flag;
    }

    private void audit(SafetyFlag flag, String actor, String action, String note, Instant at) {
        SafetyFlagAction entry = new SafetyFlagAction();
        entry.id = UUID.randomUUID();
        entry.flagId = flag.id;
        entry.actor = actor;
        entry.action = action;
        entry.note = note;
        entry.at = at;
        flags.record(entry);
    }

    private List<SafetyFlagView> views(List<SafetyFlag> found) {
        Set<UUID> exerciseIds = found.stream().map(f -> f.exerciseId).collect(Collectors.toSet());
        Map<UUID, String> names = exerciseIds.isEmpty()
                ? Map.of()
                : catalog.list("id in ?1", exerciseIds).stream()
                        .collect(Collectors.toMap(e -> e.id, e -> e.name, (a, b) -> a));
        return found.stream().map(f -> view(f, names::get)).toList();
    }

    private SafetyFlagView view(SafetyFlag flag) {
        return view(flag, id -> {
            CatalogExercise exercise = catalog.findById(id);
            return exercise == null ? null : exercise.name;
        });
    }

    private SafetyFlagView view(SafetyFlag flag, Function<UUID, String> exerciseName) {
        return new SafetyFlagView(
                flag.id,
                flag.memberId,
                flag.exerciseId,
                exerciseName.apply(flag.exerciseId),
                flag.reportId,
                flag.zone,
                flag.reason,
                flag.redFlags,
                flag.status,
                flag.raisedAt,
                flag.acknowledgedAt,
                flag.acknowledgedBy,
                flag.resolvedAt,
                flag.resolvedBy,
                flags.actions(flag.id).stream()
                        .map(a -> new SafetyFlagView.Action(a.actor, a.action, a.note, a.at))
                        .toList());
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
