package io.limber.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.limber.session.domain.Dosage;
import io.limber.session.domain.RuleSet;

/**
 * @param zone sweet-spot, hold, scale-back, stop or urgent
 * @param dosage the dosage for next time; null in the stop and urgent zones
 * @param basedOnReports the reports the recommendation was derived from, for a clinician's audit
 * @param ruleSet the rules version and the thresholds it was made with (session-service
 *     docs/progression.md), so a clinician can replay it; {@code {"version": "progression-1"}}
 *     alone for recommendations made before versions were stored
 */
public record RecommendationView(
        UUID id,
        UUID exerciseId,
        String zone,
        Dosage dosage,
        Dosage previousDosage,
        String reason,
        List<UUID> basedOnReports,
        RuleSet ruleSet,
        Instant createdAt) {}
