package io.limber.session.api;

import java.util.UUID;

import io.limber.session.domain.Dosage;

/**
 * The dose a member should do next time.
 *
 * @param dosage null when the exercise is stopped or the member is paused (see the latest
 *     recommendation's reason)
 * @param stopped whether the exercise is stopped until a clinician clears it
 * @param state the exercise's safety state for the member: active, stopped or cleared
 * @param memberPaused whether every exercise is paused until a clinician has reviewed an urgent flag
 * @param latest the recommendation it comes from; null while the catalog default applies
 */
public record CurrentDosageView(
        UUID exerciseId,
        String exerciseName,
        Dosage dosage,
        boolean stopped,
        String state,
        boolean memberPaused,
        RecommendationView latest) {}
