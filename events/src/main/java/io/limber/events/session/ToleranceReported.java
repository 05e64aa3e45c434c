package io.limber.events.session;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code limber.tolerance.reported} on {@code limber.sessions.v1}, keyed by member id: a
 * tolerance report (or next-morning check-in) and the recommendation it led to.
 *
 * @param zone {@code sweet-spot} (scale up), {@code hold}, {@code scale-back} or {@code stop}
 * @param recommendation the dosage recommended for next time, null in the stop zone
 */
public record ToleranceReported(
        UUID reportId,
        String memberId,
        UUID exerciseId,
        UUID sessionId,
        Integer painBefore,
        Integer painDuring,
        Integer painAfter,
        Integer morningPain,
        String zone,
        Recommendation recommendation,
        String reason,
        Instant reportedAt) {

    public record Recommendation(int sets, Integer reps, Integer holdSeconds) {}
}
