package io.limber.reminder.repository;

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

    public long deleteMember(String memberId) {
        return delete("memberId", memberId);
    }
}
