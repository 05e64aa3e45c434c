package io.limber.session.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.session.model.SafetyFlag;
import io.limber.session.model.SafetyFlagAction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SafetyFlagRepository implements PanacheRepositoryBase<SafetyFlag, UUID> {

    /** Paused: an urgent flag of the member that no clinician has resolved yet. */
    public boolean memberPaused(String memberId) {
        return count("memberId = ?1 and zone = 'urgent' and status <> 'resolved'", memberId) > 0;
    }

    /** The clinicians' queue for one employer, newest first. */
    public List<SafetyFlag> queue(String employerId, String status, int page, int size) {
        // As for sessions: Panache's page() multiplies in an int, which overflows far past the end.
        int first = (int) Math.min((long) page * size, Integer.MAX_VALUE - size);
        return find("employerId = ?1 and status = ?2 order by raisedAt desc, id", employerId, status)
                .range(first, first + size - 1)
                .list();
    }

    public long queued(String employerId, String status) {
        return count("employerId = ?1 and status = ?2", employerId, status);
    }

    /** Stop flags of one exercise not resolved yet: a clearance resolves them. */
    public List<SafetyFlag> unresolvedStops(String memberId, UUID exerciseId) {
        return list(
                "memberId = ?1 and exerciseId = ?2 and zone = 'stop' and status <> 'resolved' order by raisedAt",
                memberId,
                exerciseId);
    }

    public List<SafetyFlagAction> actions(UUID flagId) {
        return getEntityManager()
                .createQuery("from SafetyFlagAction where flagId = ?1 order by at, id", SafetyFlagAction.class)
                .setParameter(1, flagId)
                .getResultList();
    }

    public void record(SafetyFlagAction action) {
        getEntityManager().persist(action);
    }

    /** The actions go with their flag (ON DELETE CASCADE). */
    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
