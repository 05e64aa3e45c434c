package io.limber.session.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.session.model.ExerciseSession;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ExerciseSession, UUID> {

    public Optional<ExerciseSession> findOwned(String memberId, UUID id) {
        return find("id = ?1 and memberId = ?2", id, memberId).firstResultOptional();
    }

    /** A member's sessions started in [from, to), newest first. */
    public PanacheQuery<ExerciseSession> startedBetween(String memberId, Instant from, Instant to) {
        return find(
                "memberId = :member and startedAt >= :from and startedAt < :to",
                Sort.descending("startedAt").and("id"),
                Parameters.with("member", memberId).and("from", from).and("to", to));
    }

    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
