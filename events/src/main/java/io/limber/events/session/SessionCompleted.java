package io.limber.events.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code limber.session.completed} on {@code limber.sessions.v1}, keyed by member id: a
 * member recorded a completed exercise session. Reminder-service counts it as a movement break.
 *
 * @param programId the program the member followed the exercise in; null when they did not say
 */
public record SessionCompleted(
        UUID sessionId,
        String memberId,
        String employerId,
        UUID exerciseId,
        int exerciseRevision,
        UUID programId,
        Instant startedAt,
        Instant endedAt,
        List<SetDone> sets) {

    /** @param side {@code left}, {@code right} or {@code both} */
    public record SetDone(String side, Integer reps, Integer holdSeconds) {}
}
