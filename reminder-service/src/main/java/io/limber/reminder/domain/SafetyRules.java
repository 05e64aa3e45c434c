package io.limber.reminder.domain;

import java.util.Set;

/**
 * What a tolerance report means for the member's safety, as the event contract says
 * (docs/events.md): a zone this service does not know is read as {@code stop}, the cautious
 * reading, never as something to skip.
 */
public final class SafetyRules {

    /** The zones that leave the exercise going; every other zone, known or not, stops it. */
    private static final Set<String> GOING_ZONES = Set.of("sweet-spot", "hold", "scale-back");

    private static final Set<String> GENTLE_KINDS = Set.of("stretch", "mobility", "movement-break");

    private SafetyRules() {}

    /**
     * @param zone {@code stop}, {@code urgent} and any zone not known stop the exercise
     * @param exerciseState the producer's own word for the exercise after the report; {@code stopped}
     *     stops it whatever the zone
     */
    public static boolean stopsExercise(String zone, String exerciseState) {
        return zone == null || !GOING_ZONES.contains(zone) || "stopped".equals(exerciseState);
    }

    /** An urgent report (a red flag), or the producer saying the member is paused. */
    public static boolean pausesMember(String zone, Boolean memberPaused) {
        return "urgent".equals(zone) || Boolean.TRUE.equals(memberPaused);
    }

    /**
     * Kinds a member who should go gently may be suggested. A kind not known here counts as
     * demanding, as the catalog contract asks ({@code limber.exercise.published.v1.json}).
     */
    public static boolean gentleKind(String kind) {
        return GENTLE_KINDS.contains(kind);
    }
}
