package io.limber.reminder.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.Schedule;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, String> {

    /**
     * Locks up to {@code limit} due rows for the caller's transaction, skipping rows another
     * dispatcher holds: replicas share the work and no row is dispatched twice. A replica that
     * dies mid-batch releases its locks with its connection, and the rows are due again. Members
     * paused by an urgent safety flag are left out here, so none of their prompts (snoozed ones
     * included) is sent, however due.
     */
    public List<Schedule> lockDue(int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT * FROM prompt_schedule
                        WHERE next_due_at <= now() AND NOT safety_paused
                        ORDER BY next_due_at
                        LIMIT ?1
                        FOR UPDATE SKIP LOCKED""", Schedule.class)
                .setParameter(1, limit)
                .getResultList();
    }

    /**
     * Members whose prompt is due now, paused or not: the dispatch backlog. A count over the
     * partial index on {@code next_due_at}, by the database's clock as {@link #lockDue} is.
     */
    public long countDue() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM prompt_schedule WHERE next_due_at <= now()")
                        .getSingleResult())
                .longValue();
    }

    /** Creates the member's row unless it is there; concurrent first events must not collide on the key. */
    public void createIfAbsent(String memberId, Instant now) {
        getEntityManager()
                .createNativeQuery(
                        "INSERT INTO prompt_schedule (member_id, updated_at) VALUES (?1, ?2) ON CONFLICT (member_id) DO NOTHING")
                .setParameter(1, memberId)
                .setParameter(2, now)
                .executeUpdate();
    }

    /** The member's row, locked, so a consumer and a dispatcher never update it at once. */
    public Schedule findForUpdate(String memberId) {
        return findById(memberId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
