package io.limber.events.session;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code limber.exercise.cleared} on {@code limber.sessions.v1}, keyed by member id: a
 * clinician cleared a stopped exercise for the member; it may be suggested again, at the dose
 * given here (one step below the dose before the stop).
 *
 * @param clearedBy the clinician's id (the {@code sub} of their token)
 * @param flagId the stop's safety flag that the clearance resolved, if there was one open
 */
public record ExerciseCleared(
        UUID clearanceId,
        String memberId,
        UUID exerciseId,
        String clearedBy,
        ToleranceReported.Recommendation recommendation,
        UUID flagId,
        Instant clearedAt) {}
