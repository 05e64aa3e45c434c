package io.limber.reminder.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.ExerciseSafety;
import io.limber.reminder.service.SafetyState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExerciseSafetyRepository implements PanacheRepositoryBase<ExerciseSafety, ExerciseSafety.Key> {

    public Optional<ExerciseSafety> find(String memberId, UUID exerciseId) {
        return findByIdOptional(new ExerciseSafety.Key(memberId, exerciseId));
    }

    /**
     * Each listed member's safety state; one query for a whole dispatch batch, reading only the
     * rows that still matter (stopped or scale-back).
     */
    public Map<String, SafetyState> forMembers(Collection<String> memberIds) {
        Map<String, List<ExerciseSafety>> rows = new HashMap<>();
        list("memberId in ?1 and (stopped = true or zone = ?2)", memberIds, ExerciseSafety.SCALE_BACK)
                .forEach(s ->
                        rows.computeIfAbsent(s.memberId, m -> new ArrayList<>()).add(s));
        Map<String, SafetyState> states = new HashMap<>();
        rows.forEach((member, list) -> states.put(member, SafetyState.of(list)));
        return states;
    }

    public SafetyState forMember(String memberId) {
        return forMembers(List.of(memberId)).getOrDefault(memberId, SafetyState.NONE);
    }

    public long deleteMember(String memberId) {
        return delete("memberId", memberId);
    }
}
