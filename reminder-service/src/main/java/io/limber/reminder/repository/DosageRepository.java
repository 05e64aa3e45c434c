package io.limber.reminder.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.MemberDosage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DosageRepository implements PanacheRepositoryBase<MemberDosage, MemberDosage.Key> {

    public Optional<MemberDosage> find(String memberId, UUID exerciseId) {
        return findByIdOptional(new MemberDosage.Key(memberId, exerciseId));
    }

    /** Each listed member's dosages by exercise; one query for a whole dispatch batch. */
    public Map<String, Map<UUID, MemberDosage>> forMembers(Collection<String> memberIds) {
        Map<String, Map<UUID, MemberDosage>> byMember = new HashMap<>();
        list("memberId in ?1", memberIds)
                .forEach(d -> byMember.computeIfAbsent(d.memberId, m -> new HashMap<>())
                        .put(d.exerciseId, d));
        return byMember;
    }

    public long deleteMember(String memberId) {
        return delete("memberId", memberId);
    }
}
