package io.limber.reminder.service;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.limber.reminder.model.ExerciseSafety;

/**
 * What a member's exercises' safety states mean for a suggestion.
 *
 * @param stopped exercises stopped for the member: never suggested until a clinician clears them
 * @param gentle only gentle kinds are suggested: while any exercise of the member is stopped or was
 *     last reported in scale-back; a good report on another exercise does not end it
 */
public record SafetyState(Set<UUID> stopped, boolean gentle) {

    public static final SafetyState NONE = new SafetyState(Set.of(), false);

    public SafetyState {
        stopped = Set.copyOf(stopped);
    }

    public static SafetyState of(Collection<ExerciseSafety> exercises) {
        return new SafetyState(
                exercises.stream().filter(e -> e.stopped).map(e -> e.exerciseId).collect(Collectors.toSet()),
                exercises.stream().anyMatch(ExerciseSafety::keepsGentle));
    }
}
