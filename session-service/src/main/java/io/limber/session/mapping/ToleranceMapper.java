package io.limber.session.mapping;

import io.limber.events.session.ToleranceReported;
import io.limber.session.api.RecommendationView;
import io.limber.session.api.ReportView;
import io.limber.session.model.Recommendation;
import io.limber.session.model.ToleranceReport;

public final class ToleranceMapper {

    private ToleranceMapper() {}

    public static RecommendationView toView(Recommendation r) {
        if (r == null) {
            return null;
        }
        return new RecommendationView(
                r.id,
                r.exerciseId,
                r.zone,
                r.dosage(),
                r.previousDosage(),
                r.reason,
                r.basedOnReports,
                r.ruleSet,
                r.createdAt);
    }

    public static ReportView toView(ToleranceReport t, Recommendation latest) {
        return new ReportView(
                t.id,
                t.exerciseId,
                t.sessionId,
                t.painBefore,
                t.painDuring,
                t.painAfter,
                t.effort,
                t.sharpOrNewPain,
                t.redFlags,
                t.note,
                t.morningPain,
                t.morningStiffness,
                t.reportedAt,
                t.checkedInAt,
                toView(latest));
    }

    public static ToleranceReported toEvent(
            ToleranceReport t, Recommendation r, String exerciseState, boolean memberPaused) {
        var dosage = r.dosage();
        return new ToleranceReported(
                t.id,
                t.memberId,
                t.exerciseId,
                t.sessionId,
                t.painBefore,
                t.painDuring,
                t.painAfter,
                t.morningPain,
                r.zone,
                dosage == null
                        ? null
                        : new ToleranceReported.Recommendation(dosage.sets(), dosage.reps(), dosage.holdSeconds()),
                r.reason,
                t.checkedInAt != null ? t.checkedInAt : t.reportedAt,
                t.sharpOrNewPain,
                t.redFlags,
                exerciseState,
                memberPaused);
    }
}
