package io.limber.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stop or an urgent answer in a clinician's work queue, with its audit trail.
 *
 * @param zone stop (the exercise is stopped) or urgent (a red flag; every exercise and prompt of
 *     the member is paused until a clinician resolves it)
 * @param status open, acknowledged or resolved
 */
public record SafetyFlagView(
        UUID id,
        String memberId,
        UUID exerciseId,
        String exerciseName,
        UUID reportId,
        String zone,
        String reason,
        List<String> redFlags,
        String status,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        List<Action> actions) {

    /** @param action raised, acknowledged, resolved or cleared */
    public record Action(String actor, String action, String note, Instant at) {}
}
