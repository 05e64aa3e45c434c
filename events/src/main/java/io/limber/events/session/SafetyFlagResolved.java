package io.limber.events.session;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code limber.safety-flag.resolved} on {@code limber.sessions.v1}, keyed by member id: a
 * clinician reviewed a safety flag and resolved it. Resolving an urgent flag ends the member's
 * pause once no other urgent flag is open; a stopped exercise stays stopped until it is cleared
 * ({@code limber.exercise.cleared}).
 *
 * @param resolvedBy the clinician's id (the {@code sub} of their token)
 * @param memberPaused whether the member is still paused after this resolution
 */
public record SafetyFlagResolved(
        UUID flagId,
        String memberId,
        UUID exerciseId,
        String zone,
        String resolvedBy,
        boolean memberPaused,
        Instant resolvedAt) {}
