package io.limber.reminder.repository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /**
     * Claims up to {@code limit} deliveries that are due by pushing their next attempt out by
     * {@code lease}: the HTTP call then runs outside any transaction, and if this replica dies
     * during it, the delivery is due again once the lease ends.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(int limit, Duration lease) {
        return getEntityManager()
                .createNativeQuery("""
                        UPDATE webhook_delivery SET next_attempt_at = now() + make_interval(secs => ?2)
                        WHERE id IN (
                            SELECT id FROM webhook_delivery
                            WHERE status = 'pending' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at
                            LIMIT ?1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id""", UUID.class)
                .setParameter(1, limit)
                .setParameter(2, (double) lease.toSeconds())
                .getResultList();
    }

    /**
     * Deliveries waiting for their first attempt or a retry, due or not. The status is a literal,
     * not a parameter, so the planner can always use the partial index on pending rows.
     */
    public long countPending() {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM webhook_delivery WHERE status = 'pending'")
                        .getSingleResult())
                .longValue();
    }

    public long deleteMember(String memberId) {
        return delete("memberId", memberId);
    }
}
