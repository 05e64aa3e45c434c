package io.limber.session.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.session.model.ExerciseSafety;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExerciseSafetyRepository implements PanacheRepositoryBase<ExerciseSafety, ExerciseSafety.Key> {

    public Optional<ExerciseSafety> find(String memberId, UUID exerciseId) {
        return findByIdOptional(new ExerciseSafety.Key(memberId, exerciseId));
    }

    public boolean stopped(String memberId, UUID exerciseId) {
        return find(memberId, exerciseId)
                .map(s -> ExerciseSafety.STOPPED.equals(s.state))
                .orElse(false);
    }

    /** {@code active}, {@code stopped} or {@code cleared}. */
    public String state(String memberId, UUID exerciseId) {
        return find(memberId, exerciseId).map(s -> s.state).orElse(ExerciseSafety.ACTIVE);
    }

    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
