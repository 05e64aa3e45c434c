package io.limber.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event log of an idempotent consumer. Call {@link #firstDelivery} in the same
 * transaction that applies the event: a redelivered event (same CloudEvents id) is then skipped,
 * and a rolled-back one is not remembered. Needs the table:
 *
 * <pre>
 * CREATE TABLE processed_event (
 *     consumer     text        NOT NULL,
 *     event_id     text        NOT NULL,
 *     processed_at timestamptz NOT NULL DEFAULT now(),
 *     PRIMARY KEY (consumer, event_id));
 * </pre>
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** @return true the first time this consumer sees the event id, false on a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Forgets events processed before the cutoff. Keep them longer than a redelivery can come: a
     * consumer group reset replays at most the topic's retention.
     *
     * @return how many were forgotten
     */
    @Transactional
    public int forgetProcessedBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
