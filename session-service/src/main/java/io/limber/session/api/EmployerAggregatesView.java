package io.limber.session.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an employer admin sees: aggregates only, never one member's data. A figure computed over
 * fewer members than the cohort minimum is suppressed (value null, suppressed true).
 */
public record EmployerAggregatesView(
        String employerId,
        LocalDate from,
        LocalDate to,
        int minimumCohort,
        Figure enrolledMembers,
        Figure activeMembers,
        Figure sessionsPerActiveMemberPerWeek,
        Figure sweetSpotShare,
        List<ExerciseUse> mostUsedExercises,
        boolean someExercisesSuppressed) {

    public record Figure(Double value, boolean suppressed) {}

    public record ExerciseUse(UUID exerciseId, String exerciseName, long sessions, long members) {}
}
