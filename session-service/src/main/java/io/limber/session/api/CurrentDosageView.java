package io.limber.session.api;

import java.util.UUID;

import io.limber.session.domain.Dosage;

/**
 * The dose a member should do next time.
 *
 * @param dosage null when progression was stopped (see the latest recommendation's reason)
 * @param latest the recommendation it comes from; null while the catalog default applies
 */
public record CurrentDosageView(
        UUID exerciseId, String exerciseName, Dosage dosage, boolean stopped, RecommendationView latest) {}
