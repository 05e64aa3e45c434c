package io.limber.session.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.Events;
import io.limber.messaging.Outbox;
import io.limber.session.api.RecordSessionRequest;
import io.limber.session.api.SessionPage;
import io.limber.session.api.SessionView;
import io.limber.session.idempotency.Idempotency;
import io.limber.session.idempotency.IdempotentWrite;
import io.limber.session.mapping.SessionMapper;
import io.limber.session.model.CatalogExercise;
import io.limber.session.model.ExerciseSession;
import io.limber.session.repository.CatalogExerciseRepository;
import io.limber.session.repository.SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

@ApplicationScoped
public class SessionService {

    /** Phones' clocks drift; a session may end a little "in the future" of the server's clock. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Duration LONGEST_SESSION = Duration.ofHours(12);

    private static final Duration CATALOG_HOLD = Duration.ofSeconds(2);

    private final ConcurrentHashMap<UUID, KnownExercise> known = new ConcurrentHashMap<>();

    private final SessionRepository sessions;
    private final CatalogExerciseRepository catalog;
    private final Outbox outbox;
    private final Idempotency idempotency;

    SessionService(
            SessionRepository sessions, CatalogExerciseRepository catalog, Outbox outbox, Idempotency idempotency) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    /** @param replayed true when an earlier request with the same Idempotency-Key made it */
    public record Recorded(SessionView session, boolean replayed) {}

    /**
     * Records a session and its {@code limber.session.completed} event in one transaction. With an
     * idempotency key, a retry returns the first answer, even after the exercise was retired; a
     * different request under the same key is refused.
     */
    public Recorded record(Caller caller, String idempotencyKey, RecordSessionRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var answer = idempotency.once(
                    caller.memberId(),
                    IdempotentWrite.RECORD_SESSION,
                    idempotencyKey,
                    request,
                    id -> recordNew(caller, id, request),
                    this::earlier);
            return new Recorded(answer.value(), answer.replayed());
        });
    }

    private SessionView recordNew(Caller caller, UUID id, RecordSessionRequest request) {
        checkTimes(request);
        checkCatalog(request);
        ExerciseSession session = new ExerciseSession();
        session.id = id;
        session.memberId = caller.memberId();
        session.employerId = caller.employerId();
        session.exerciseId = request.exerciseId();
        session.exerciseRevision = request.exerciseRevision();
        session.programId = request.programId();
        // Stored as PostgreSQL keeps them (microseconds), so a replay answers exactly like the first time.
        session.startedAt = request.startedAt().truncatedTo(ChronoUnit.MICROS);
        session.endedAt = request.endedAt().truncatedTo(ChronoUnit.MICROS);
        session.sets = SessionMapper.toRecords(request.sets());
        session.totalReps = request.sets().stream()
                .map(s -> s.reps())
                .filter(Objects::nonNull)
                .mapToInt(Integer::intValue)
                .sum();
        session.note = request.note();
        session.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        sessions.persist(session);
        outbox.append(Events.SESSION_COMPLETED, session.memberId, SessionMapper.toEvent(session));
        return SessionMapper.toView(session);
    }

    private SessionView earlier(UUID id) {
        ExerciseSession earlier = sessions.findById(id);
        if (earlier == null) {
            throw new IllegalStateException("Idempotency record of session " + id + " without the session");
        }
        return SessionMapper.toView(earlier);
    }

    private void checkCatalog(RecordSessionRequest request) {
        KnownExercise exercise = publishedExercise(request.exerciseId(), request.exerciseRevision());
        if (request.exerciseRevision() > exercise.revision()) {
            throw SessionProblem.UNKNOWN_REVISION.problem("Exercise " + request.exerciseId() + " has no revision "
                    + request.exerciseRevision() + " yet; the latest published is " + exercise.revision() + ".");
        }
        if (request.programId() != null && !exercise.programs().contains(request.programId())) {
            throw SessionProblem.EXERCISE_NOT_IN_PROGRAM.problem("Exercise " + request.exerciseId()
                    + " is not an item of published program " + request.programId() + ".");
        }
    }

    private static void checkTimes(RecordSessionRequest request) {
        if (!request.endedAt().isAfter(request.startedAt())) {
            throw SessionProblem.INVALID_SESSION_TIMES.problem("endedAt must be after startedAt.");
        }
        if (request.endedAt().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw SessionProblem.INVALID_SESSION_TIMES.problem("endedAt is in the future.");
        }
        if (Duration.between(request.startedAt(), request.endedAt()).compareTo(LONGEST_SESSION) > 0) {
            throw SessionProblem.INVALID_SESSION_TIMES.problem(
                    "A session cannot last longer than " + LONGEST_SESSION.toHours() + " hours.");
        }
    }

    /**
     * What recording needs of the local catalog copy, held for a moment: every session POST checks
     * its exercise, and the copy changes rarely. A newer revision than the one held, or a
     * retired exercise, is looked up again at once; a retirement is seen within
     * {@link #CATALOG_HOLD}, and a session done just before it is still a true record. Only
     * exercises in the catalog are held, so memory stays bounded.
     */
    private KnownExercise publishedExercise(UUID id, int wantedRevision) {
        long now = System.nanoTime();
        KnownExercise held = known.get(id);
        if (held == null || held.retired() || now - held.freshUntil() >= 0 || wantedRevision > held.revision()) {
            CatalogExercise exercise = catalog.findById(id);
            if (exercise == null) {
                throw SessionProblem.UNKNOWN_EXERCISE.problem("Exercise " + id + " is not in the published catalog.");
            }
            held = new KnownExercise(
                    exercise.revision, exercise.retired, Set.of(exercise.programIds), now + CATALOG_HOLD.toNanos());
            known.put(id, held);
        }
        if (held.retired()) {
            throw SessionProblem.RETIRED_EXERCISE.problem(
                    "Exercise " + id + " was retired from the catalog; it can no longer be recorded.");
        }
        return held;
    }

    private record KnownExercise(int revision, boolean retired, Set<UUID> programs, long freshUntil) {}

    @Transactional
    public SessionView find(Caller caller, UUID id) {
        return sessions.findOwned(caller.memberId(), id)
                .map(SessionMapper::toView)
                .orElseThrow(() -> SessionProblem.SESSION_NOT_FOUND.problem("No session " + id + " for this member."));
    }

    @Transactional
    public SessionPage list(Caller caller, Instant from, Instant to, int page, int size) {
        // Panache's page() multiplies in an int, which overflows for a page far past the end (a 500);
        // any offset past the last row lists the same nothing.
        int first = (int) Math.min((long) page * size, Integer.MAX_VALUE - size);
        var query = sessions.startedBetween(caller.memberId(), from, to).range(first, first + size - 1);
        return new SessionPage(query.list().stream().map(SessionMapper::toView).toList(), page, size, query.count());
    }
}
