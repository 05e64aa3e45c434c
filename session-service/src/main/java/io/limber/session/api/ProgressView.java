package io.limber.session.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member's progress, in their time zone.
 *
 * @param activeDayStreak consecutive days with at least one session, ending today (or yesterday
 *     when nothing was recorded yet today)
 */
public record ProgressView(
        String timeZone,
        long sessionsThisWeek,
        int activeDayStreak,
        List<ExerciseReps> totalRepsByExercise,
        List<PainTrend> painTrend) {

    public record ExerciseReps(UUID exerciseId, String exerciseName, long totalReps, long sessions) {}

    /**
     * @param direction improving, steady, worsening, or not-enough-data: the average morning pain
     *     of the last 7 days against the 3 weeks before, improving or worsening when it moved by
     *     at least limber.tolerance.meaningful-change (2 points, the scale's minimal clinically
     *     important difference)
     */
    public record PainTrend(UUID exerciseId, String exerciseName, String direction, List<PainPoint> points) {}

    public record PainPoint(LocalDate date, int painDuring, int painAfter, Integer morningPain, String zone) {}
}
