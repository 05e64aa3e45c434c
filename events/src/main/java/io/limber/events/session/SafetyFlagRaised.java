package io.limber.events.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code limber.safety-flag.raised} on {@code limber.sessions.v1}, keyed by member id: a
 * report stopped an exercise or raised a red flag, and a clinician is asked to review it.
 *
 * @param zone {@code stop} (the exercise is stopped) or {@code urgent} (a red flag: the member is
 *     paused)
 * @param redFlags the red-flag questions answered yes ({@link RedFlag} wire names)
 * @param memberPaused whether every exercise and prompt of the member is paused from now on
 */
public record SafetyFlagRaised(
        UUID flagId,
        String memberId,
        UUID exerciseId,
        UUID reportId,
        String zone,
        String reason,
        List<String> redFlags,
        boolean memberPaused,
        Instant raisedAt) {}
