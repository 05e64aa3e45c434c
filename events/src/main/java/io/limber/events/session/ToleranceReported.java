package io.limber.events.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code limber.tolerance.reported} on {@code limber.sessions.v1}, keyed by member id: a
 * tolerance report (or next-morning check-in) and the recommendation it led to.
 *
 * @param zone {@code sweet-spot} (scale up), {@code hold}, {@code scale-back}, {@code stop} (stop
 *     this exercise, see a clinician) or {@code urgent} (a red flag: stop everything, get urgent
 *     care); a consumer treats a zone it does not know as {@code stop}
 * @param recommendation the dosage for next time, null in the stop and urgent zones
 * @param sharpOrNewPain whether the member reported sharp or new pain (null from older producers)
 * @param redFlags the red-flag questions answered yes ({@link RedFlag} wire names); empty or null
 *     when none
 * @param exerciseState the exercise's safety state for this member after the report:
 *     {@code active}, {@code stopped} (until a clinician clears it) or {@code cleared}
 * @param memberPaused whether every exercise and prompt of the member is paused after the report
 *     (an urgent flag not yet reviewed by a clinician)
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
        Instant reportedAt,
        Boolean sharpOrNewPain,
        List<String> redFlags,
        String exerciseState,
        Boolean memberPaused) {

    /** As older producers wrote it, before the safety fields. */
    public ToleranceReported(
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
        this(
                reportId,
                memberId,
                exerciseId,
                sessionId,
                painBefore,
                painDuring,
                painAfter,
                morningPain,
                zone,
                recommendation,
                reason,
                reportedAt,
                null,
                null,
                null,
                null);
    }

    public record Recommendation(int sets, Integer reps, Integer holdSeconds) {}
}
