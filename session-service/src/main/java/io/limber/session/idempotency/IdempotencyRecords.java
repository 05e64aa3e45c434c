package io.limber.session.idempotency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The {@code idempotency_record} table: who used which key for which write, and what it made. */
@ApplicationScoped
public class IdempotencyRecords {

    /** A claimed key: the request it was claimed with, and the resource the write made. */
    record Claimed(String requestHash, UUID resourceId) {}

    private final EntityManager em;

    IdempotencyRecords(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims a key in the current transaction. A claim of the same key by a transaction still
     * running is waited for: it either commits (and this claim fails) or rolls back (and this one
     * wins). It never raises, and so never logs, a constraint violation for an ordinary retry.
     *
     * @return false when the key was claimed before and nothing was inserted
     */
    boolean claim(String memberId, IdempotentWrite write, String key, String requestHash, UUID resourceId) {
        return em.createNativeQuery("""
                        INSERT INTO idempotency_record
                            (member_id, operation, idempotency_key, request_hash, resource_id, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())
                        ON CONFLICT (member_id, operation, idempotency_key) DO NOTHING""")
                        .setParameter(1, memberId)
                        .setParameter(2, write.operation)
                        .setParameter(3, key)
                        .setParameter(4, requestHash)
                        .setParameter(5, resourceId)
                        .executeUpdate()
                == 1;
    }

    Optional<Claimed> find(String memberId, IdempotentWrite write, String key) {
        List<?> rows = em.createNativeQuery("""
                        SELECT request_hash, resource_id::text FROM idempotency_record
                        WHERE member_id = ?1 AND operation = ?2 AND idempotency_key = ?3""")
                .setParameter(1, memberId)
                .setParameter(2, write.operation)
                .setParameter(3, key)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Claimed((String) row[0], UUID.fromString((String) row[1])))
                .findFirst();
    }

    public int deleteForMember(String memberId) {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE member_id = ?1")
                .setParameter(1, memberId)
                .executeUpdate();
    }
}
