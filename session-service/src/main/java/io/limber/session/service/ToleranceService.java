package io.limber.session.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.limber.events.Events;
import io.limber.events.session.RedFlag;
import io.limber.messaging.Outbox;
import io.limber.session.api.CurrentDosageView;
import io.limber.session.api.MorningCheckInRequest;
import io.limber.session.api.RecommendationView;
import io.limber.session.api.RedFlagAnswers;
import io.limber.session.api.ReportView;
import io.limber.session.api.ToleranceReportRequest;
import io.limber.session.config.ToleranceConfig;
import io.limber.session.domain.CheckInWindow;
import io.limber.session.domain.Dosage;
import io.limber.session.domain.PerformedDose;
import io.limber.session.domain.RuleSet;
import io.limber.session.domain.ToleranceClassifier;
import io.limber.session.domain.Zone;
import io.limber.session.idempotency.Idempotency;
import io.limber.session.idempotency.IdempotentWrite;
import io.limber.session.mapping.ToleranceMapper;
import io.limber.session.model.CatalogExercise;
import io.limber.session.model.ExerciseSafety;
import io.limber.session.model.ExerciseSession;
import io.limber.session.model.Recommendation;
import io.limber.session.model.ToleranceReport;
import io.limber.session.repository.CatalogExerciseRepository;
import io.limber.session.repository.RecommendationRepository;
import io.limber.session.repository.SessionRepository;
import io.limber.session.repository.ToleranceReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * Tolerance reports and the recommendations they lead to. Each report, and each morning
 * check-in, is classified at once; the recommendation is stored with its reason and the reports it
 * came from, and published with the report as {@code limber.tolerance.reported}.
 */
@ApplicationScoped
@Startup // so that a check-in window configured shorter than a day stops the start, not a check-in
public class ToleranceService {

    private final ToleranceReportRepository reports;
    private final RecommendationRepository recommendations;
    private final SessionRepository sessions;
    private final CatalogExerciseRepository catalog;
    private final ToleranceClassifier classifier;
    private final ToleranceConfig config;
    private final SafetyService safety;
    private final Outbox outbox;
    private final Idempotency idempotency;

    ToleranceService(
            ToleranceReportRepository reports,
            RecommendationRepository recommendations,
            SessionRepository sessions,
            CatalogExerciseRepository catalog,
            ToleranceClassifier classifier,
            ToleranceConfig config,
            SafetyService safety,
            Outbox outbox,
            Idempotency idempotency) {
        this.reports = reports;
        this.recommendations = recommendations;
        this.sessions = sessions;
        this.catalog = catalog;
        this.classifier = classifier;
        this.config = config;
        this.safety = safety;
        this.outbox = outbox;
        this.idempotency = idempotency;
        if (config.checkInDays() < 1) {
            throw new IllegalStateException("limber.tolerance.check-in-days is " + config.checkInDays()
                    + "; a check-in window lasts at least a day");
        }
    }

    /**
     * With an idempotency key, a retry returns the first report (and its recommendation) instead
     * of classifying the same session twice; a different report under the same key is refused.
     */
    public ReportView report(Caller caller, String idempotencyKey, ToleranceReportRequest request) {
        ZoneId zone = memberZone(request.timeZone(), caller.zoneInfo());
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> idempotency
                            .once(
                                    caller.memberId(),
                                    IdempotentWrite.REPORT_TOLERANCE,
                                    idempotencyKey,
                                    request,
                                    id -> reportOnce(caller, id, request, zone),
                                    id -> find(caller, id))
                            .value());
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e) || request.sessionId() == null) {
                throw e;
            }
            // A second report of a session that another request reported meanwhile is refused
            // like one that came later.
            QuarkusTransaction.requiringNew().run(() -> refuseASecondReport(request.sessionId()));
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && "23505".equals(violation.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** At most one report per session: a second one could step the dose up again at once. */
    private void refuseASecondReport(UUID sessionId) {
        reports.find("sessionId", sessionId).firstResultOptional().ifPresent(first -> {
            throw SessionProblem.SESSION_ALREADY_REPORTED.problem(
                    "Session " + sessionId + " already has report " + first.id + "; a session is reported once."
                            + " How it felt the next morning goes to that report's morning check-in"
                            + " (POST /api/v1/members/" + first.memberId + "/tolerance-reports/" + first.id
                            + "/morning-check-in).");
        });
    }

    /**
     * The member's time zone: the report's own, else the token's {@code zoneinfo} claim, else UTC.
     * A report's zone that is not an IANA id is the client's error; a token's is not the member's,
     * so it falls back like a missing one.
     */
    private static ZoneId memberZone(String reported, String zoneInfo) {
        if (reported != null) {
            try {
                return ZoneId.of(reported);
            } catch (DateTimeException e) {
                throw SessionProblem.INVALID_TIME_ZONE.problem("timeZone '" + reported
                        + "' is not an IANA time zone id; send one such as America/New_York, or leave it out.");
            }
        }
        if (zoneInfo != null) {
            try {
                return ZoneId.of(zoneInfo);
            } catch (DateTimeException e) {
                // fall through to UTC
            }
        }
        return ZoneOffset.UTC;
    }

    /** When the report's morning check-in counts: after the session's end, or the report's own time. */
    private CheckInWindow checkInWindow(Instant activity, ZoneId zone) {
        return CheckInWindow.after(activity, zone, config.checkInOpensAt(), config.checkInDays());
    }

    /** Refuses a morning check-in outside its window, saying when it opens or when it closed. */
    private void requireOpen(CheckInWindow window, Instant now, String what) {
        if (window.notYetOpenAt(now)) {
            throw SessionProblem.CHECK_IN_NOT_OPEN
                    .builder(what + " counts from " + window.local(window.opensAt())
                            + ", early on the next local day after the session: pain and stiffness"
                            + " on waking are what says whether the session settled.")
                    .with("opensAt", window.opensAt().toString())
                    .with("closesAt", window.closesAt().toString())
                    .build();
        }
        if (!window.isOpenAt(now)) {
            throw SessionProblem.CHECK_IN_CLOSED
                    .builder(what + " counted until " + window.local(window.closesAt())
                            + "; a later one no longer says how that session settled. Report the next session"
                            + " and check in the morning after it.")
                    .with("opensAt", window.opensAt().toString())
                    .with("closesAt", window.closesAt().toString())
                    .build();
        }
    }

    private ReportView reportOnce(Caller caller, UUID id, ToleranceReportRequest request, ZoneId zone) {
        CatalogExercise exercise = knownExercise(request.exerciseId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ExerciseSession session = null;
        if (request.sessionId() != null) {
            session = sessions.findOwned(caller.memberId(), request.sessionId())
                    .orElseThrow(() -> SessionProblem.SESSION_NOT_FOUND.problem(
                            "No session " + request.sessionId() + " for this member."));
            if (!session.exerciseId.equals(exercise.id)) {
                throw SessionProblem.SESSION_EXERCISE_MISMATCH.problem("Session " + session.id + " was of exercise "
                        + session.exerciseId + ", not " + exercise.id + ".");
            }
            refuseASecondReport(session.id);
        }
        if (request.morningPain() == null && request.morningStiffness() != null) {
            throw SessionProblem.INCOMPLETE_MORNING_CHECK_IN.problem("morningStiffness needs morningPain too.");
        }
        if (request.morningPain() != null) {
            // Morning values on the report itself are the next morning's only when the session was
            // on an earlier local day; a report without a session is its own activity.
            requireOpen(
                    checkInWindow(session == null ? now : session.endedAt, zone),
                    now,
                    "A morning check-in with the report" + (session == null ? " (it names no session)" : ""));
        }
        ToleranceReport report = new ToleranceReport();
        report.id = id;
        report.memberId = caller.memberId();
        report.employerId = caller.employerId();
        report.exerciseId = exercise.id;
        report.sessionId = request.sessionId();
        report.painBefore = request.painBefore();
        report.painDuring = request.painDuring();
        report.painAfter = request.painAfter();
        report.effort = request.effort();
        report.sharpOrNewPain = Boolean.TRUE.equals(request.sharpOrNewPain());
        report.redFlags = wireNames(RedFlagAnswers.yes(request.redFlags()));
        report.note = request.note();
        report.reportedAt = now;
        report.timeZone = zone.getId();
        if (request.morningPain() != null) {
            report.morningPain = request.morningPain();
            report.morningStiffness = request.morningStiffness();
            report.checkedInAt = report.reportedAt;
        }
        reports.persist(report);
        reports.flush(); // a second report of the session fails here, inside report(), which then refuses it
        return classifyAndPublish(report, exercise);
    }

    @Transactional
    public ReportView checkIn(Caller caller, UUID reportId, MorningCheckInRequest request) {
        ToleranceReport report = reports.findOwned(caller.memberId(), reportId)
                .orElseThrow(
                        () -> SessionProblem.REPORT_NOT_FOUND.problem("No report " + reportId + " for this member."));
        if (report.checkedInAt != null) {
            throw SessionProblem.ALREADY_CHECKED_IN.problem(
                    "Report " + reportId + " already has its morning check-in.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ExerciseSession session = report.sessionId == null ? null : sessions.findById(report.sessionId);
        requireOpen(
                checkInWindow(session == null ? report.reportedAt : session.endedAt, ZoneId.of(report.timeZone)),
                now,
                "The morning check-in of report " + reportId);
        report.morningPain = request.morningPain();
        report.morningStiffness = request.morningStiffness();
        report.morningNote = request.note();
        report.sharpOrNewPain = report.sharpOrNewPain || Boolean.TRUE.equals(request.sharpOrNewPain());
        Set<RedFlag> flags = redFlags(report.redFlags);
        flags.addAll(RedFlagAnswers.yes(request.redFlags()));
        report.redFlags = wireNames(flags);
        report.checkedInAt = now;
        return classifyAndPublish(report, knownExercise(report.exerciseId));
    }

    @Transactional
    public ReportView find(Caller caller, UUID reportId) {
        ToleranceReport report = reports.findOwned(caller.memberId(), reportId)
                .orElseThrow(
                        () -> SessionProblem.REPORT_NOT_FOUND.problem("No report " + reportId + " for this member."));
        Recommendation latest = recommendations
                .find("triggerReport = ?1 order by createdAt desc", report.id)
                .firstResult();
        return ToleranceMapper.toView(report, latest);
    }

    @Transactional
    public CurrentDosageView currentDosage(Caller caller, UUID exerciseId) {
        CatalogExercise exercise = knownExercise(exerciseId);
        Recommendation latest =
                recommendations.latest(caller.memberId(), exerciseId).orElse(null);
        String state = safety.state(caller.memberId(), exerciseId);
        boolean paused = safety.memberPaused(caller.memberId());
        boolean stopped = ExerciseSafety.STOPPED.equals(state);
        Dosage dosage = stopped || paused
                ? null
                : latest == null
                        ? exercise.range().clamp(exercise.defaultDosage())
                        : latest.dosage() == null ? null : exercise.range().clamp(latest.dosage());
        return new CurrentDosageView(
                exercise.id, exercise.name, dosage, stopped, state, paused, ToleranceMapper.toView(latest));
    }

    /** Every exercise the member has recorded or reported on, with its current dosage. */
    @Transactional
    public List<CurrentDosageView> currentDosages(Caller caller) {
        LinkedHashSet<UUID> exercises = new LinkedHashSet<>();
        exercises.addAll(sessions.getEntityManager()
                .createQuery("select distinct s.exerciseId from ExerciseSession s where s.memberId = ?1", UUID.class)
                .setParameter(1, caller.memberId())
                .getResultList());
        exercises.addAll(reports.getEntityManager()
                .createQuery("select distinct r.exerciseId from ToleranceReport r where r.memberId = ?1", UUID.class)
                .setParameter(1, caller.memberId())
                .getResultList());
        List<CurrentDosageView> result = new ArrayList<>();
        for (UUID exerciseId : exercises) {
            if (catalog.findById(exerciseId) != null) {
                result.add(currentDosage(caller, exerciseId));
            }
        }
        return result;
    }

    @Transactional
    public List<RecommendationView> history(Caller caller, UUID exerciseId) {
        return recommendations.history(caller.memberId(), exerciseId).stream()
                .map(ToleranceMapper::toView)
                .toList();
    }

    private ReportView classifyAndPublish(ToleranceReport report, CatalogExercise exercise) {
        Recommendation previous =
                recommendations.latest(report.memberId, exercise.id).orElse(null);
        Dosage current;
        if (previous == null) {
            current = exercise.defaultDosage();
        } else if (previous.triggerReport.equals(report.id) || previous.dosage() == null) {
            // A check-in revises its own report's recommendation rather than stepping a second time.
            current = previous.previousDosage();
        } else {
            current = previous.dosage();
        }
        current = exercise.range().clamp(current);
        // A session that fell short of the dose: the next one starts from what was done.
        String performedNote = null;
        if (report.sessionId != null) {
            ExerciseSession session = sessions.findById(report.sessionId);
            Optional<Dosage> performed = session == null
                    ? Optional.empty()
                    : PerformedDose.shortOf(
                            current,
                            session.sets.stream()
                                    .map(set -> new PerformedDose.Set(set.side(), set.reps(), set.holdSeconds()))
                                    .toList());
            if (performed.isPresent()) {
                Dosage done = exercise.range().clamp(performed.get());
                performedNote = "The session recorded " + performed.get() + ", less than the " + current
                        + " prescribed, so the next dose starts from " + done + ". ";
                current = done;
            }
        }

        Recommendation settled = recommendations
                .lastSettled(report.memberId, exercise.id)
                .filter(r -> !r.triggerReport.equals(report.id))
                .orElse(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean steppedUpToday = recommendations
                .stepUpSince(
                        report.memberId,
                        exercise.id,
                        CheckInWindow.startOfLocalDay(now, ZoneId.of(report.timeZone)),
                        report.id)
                .isPresent();
        List<ToleranceReport> mornings = reports.checkedInSince(
                report.memberId, exercise.id, Instant.now().minus(config.morningTrendWindow()));
        var result = classifier.classify(
                new ToleranceClassifier.Pain(
                        report.painBefore,
                        report.painDuring,
                        report.painAfter,
                        report.morningPain,
                        report.sharpOrNewPain,
                        redFlags(report.redFlags)),
                mornings.stream()
                        .map(r -> new ToleranceClassifier.Morning(r.morningPain, r.morningStiffness))
                        .toList(),
                safety.stopped(report.memberId, exercise.id),
                safety.memberPaused(report.memberId),
                steppedUpToday,
                current,
                settled == null ? null : settled.previousDosage(),
                exercise.range(),
                exercise.name);

        LinkedHashSet<UUID> basedOn = new LinkedHashSet<>();
        basedOn.add(report.id);
        mornings.forEach(r -> basedOn.add(r.id));
        if (settled != null && result.zone() == Zone.SCALE_BACK) {
            basedOn.add(settled.triggerReport); // the report whose dose it returns to, for replay
        }

        Recommendation recommendation = new Recommendation();
        recommendation.id = UUID.randomUUID();
        recommendation.memberId = report.memberId;
        recommendation.exerciseId = exercise.id;
        recommendation.triggerReport = report.id;
        recommendation.basedOnReports = List.copyOf(basedOn);
        recommendation.zone = result.zone().wireName();
        if (result.dosage() != null) {
            recommendation.sets = result.dosage().sets();
            recommendation.reps = result.dosage().reps();
            recommendation.holdSeconds = result.dosage().holdSeconds();
        }
        recommendation.previousSets = current.sets();
        recommendation.previousReps = current.reps();
        recommendation.previousHold = current.holdSeconds();
        recommendation.reason = performedNote == null ? result.reason() : performedNote + result.reason();
        recommendation.ruleSet = RuleSet.current(config);
        recommendation.createdAt = now;
        recommendations.persist(recommendation);
        report.zone = recommendation.zone;

        // The report's event first, then the flag it raised: a consumer sees the stop before the flag.
        SafetyService.Outcome outcome = safety.apply(report, result, recommendation.createdAt);
        outbox.append(
                Events.TOLERANCE_REPORTED,
                report.memberId,
                ToleranceMapper.toEvent(report, recommendation, outcome.exerciseState(), outcome.memberPaused()));
        safety.announce(outcome);
        return ToleranceMapper.toView(report, recommendation);
    }

    private static List<String> wireNames(Set<RedFlag> flags) {
        return flags.stream().sorted().map(RedFlag::wireName).toList();
    }

    private static Set<RedFlag> redFlags(List<String> wireNames) {
        EnumSet<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            if (wireNames != null && wireNames.contains(flag.wireName())) {
                flags.add(flag);
            }
        }
        return flags;
    }

    private CatalogExercise knownExercise(UUID id) {
        CatalogExercise exercise = catalog.findById(id);
        if (exercise == null) {
            throw SessionProblem.UNKNOWN_EXERCISE.problem("Exercise " + id + " is not in the published catalog.");
        }
        return exercise;
    }
}
