package io.limber.session.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.session.model.ToleranceReport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ToleranceReportRepository implements PanacheRepositoryBase<ToleranceReport, UUID> {

    public Optional<ToleranceReport> findOwned(String memberId, UUID id) {
        return find("id = ?1 and memberId = ?2", id, memberId).firstResultOptional();
    }

    /** Reports of one exercise with a morning check-in made since a moment, oldest first. */
    public List<ToleranceReport> checkedInSince(String memberId, UUID exerciseId, Instant since) {
        return list(
                "memberId = ?1 and exerciseId = ?2 and morningPain is not null and reportedAt >= ?3"
                        + " order by reportedAt, id",
                memberId,
                exerciseId,
                since);
    }

    public List<ToleranceReport> reportedSince(String memberId, Instant since) {
        return list("memberId = ?1 and reportedAt >= ?2 order by reportedAt, id", memberId, since);
    }

    /** Whether the member has recorded or reported anything here as an employee of the employer. */
    public boolean memberOfEmployer(String memberId, String employerId) {
        Object found = getEntityManager()
                .createNativeQuery(
                        "SELECT EXISTS (SELECT 1 FROM tolerance_report WHERE member_id = ?1 AND employer_id = ?2)"
                                + " OR EXISTS (SELECT 1 FROM exercise_session WHERE member_id = ?1 AND employer_id = ?2)")
                .setParameter(1, memberId)
                .setParameter(2, employerId)
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
