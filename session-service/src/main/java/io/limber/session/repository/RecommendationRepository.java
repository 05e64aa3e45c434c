package io.limber.session.repository;

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

    /** Newest first: the audit trail of how the member's dose of one exercise came about. */
    public List<Recommendation> history(String memberId, UUID exerciseId) {
        return list("memberId = ?1 and exerciseId = ?2 order by createdAt desc", memberId, exerciseId);
    }

    public boolean stoppedEarlier(String memberId, UUID exerciseId) {
        return count("memberId = ?1 and exerciseId = ?2 and zone = 'stop'", memberId, exerciseId) > 0;
    }

    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
