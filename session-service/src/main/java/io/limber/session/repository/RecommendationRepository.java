package io.limber.session.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.session.model.Recommendation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RecommendationRepository implements PanacheRepositoryBase<Recommendation, UUID> {

    public Optional<Recommendation> latest(String memberId, UUID exerciseId) {
        return find("memberId = ?1 and exerciseId = ?2 order by createdAt desc", memberId, exerciseId)
                .firstResultOptional();
    }

    /**
     * The member's latest recommendation of this exercise made from a report that settled by the
     * next morning (hold or sweet spot, made at or after its check-in; not a clinician's clearance):
     * its previous dose is the last dose the member tolerated.
     */
    public Optional<Recommendation> lastSettled(String memberId, UUID exerciseId) {
        return getEntityManager()
                .createQuery(
                        "select rec from Recommendation rec, ToleranceReport report"
                                + " where report.id = rec.triggerReport and rec.memberId = ?1 and rec.exerciseId = ?2"
                                + " and rec.zone in ('hold', 'sweet-spot') and report.checkedInAt is not null"
                                + " and rec.createdAt >= report.checkedInAt and rec.clearedBy is null"
                                + " order by rec.createdAt desc",
                        Recommendation.class)
                .setParameter(1, memberId)
                .setParameter(2, exerciseId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * The member's latest step up of this exercise made at or after {@code since} (a sweet-spot
     * recommendation that raised the dose's volume), other than one triggered by {@code report}:
     * one step up a local day at most (docs/progression.md).
     */
    public Optional<Recommendation> stepUpSince(String memberId, UUID exerciseId, Instant since, UUID report) {
        return list(
                        "memberId = ?1 and exerciseId = ?2 and zone = 'sweet-spot' and createdAt >= ?3"
                                + " and triggerReport <> ?4 order by createdAt desc",
                        memberId,
                        exerciseId,
                        since,
                        report)
                .stream()
                .filter(rec -> rec.dosage() != null
                        && rec.dosage().volume() > rec.previousDosage().volume())
                .findFirst();
    }

    /** Newest first: the audit trail of how the member's dose of one exercise came about. */
    public List<Recommendation> history(String memberId, UUID exerciseId) {
        return list("memberId = ?1 and exerciseId = ?2 order by createdAt desc", memberId, exerciseId);
    }

    /** Whether the exercise is stopped: a stop since the member was last cleared to resume. */
    public boolean stoppedEarlier(String memberId, UUID exerciseId) {
        return latestStop(memberId, exerciseId).isPresent();
    }

    /** The latest stop not yet lifted by a clearance. */
    public Optional<Recommendation> latestStop(String memberId, UUID exerciseId) {
        Instant clearedAt = find(
                        "memberId = ?1 and exerciseId = ?2 and clearedBy is not null order by createdAt desc",
                        memberId,
                        exerciseId)
                .firstResultOptional()
                .map(r -> r.createdAt)
                .orElse(Instant.EPOCH);
        return find(
                        "memberId = ?1 and exerciseId = ?2 and zone = 'stop' and createdAt > ?3 order by createdAt desc",
                        memberId,
                        exerciseId,
                        clearedAt)
                .firstResultOptional();
    }

    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
