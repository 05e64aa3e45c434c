package io.limber.session.repository;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.limber.session.model.ExerciseSession;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ExerciseSession, UUID> {

    /**
     * Inserts a new session in the current transaction, unless its member already used its
     * Idempotency-Key. Plain JDBC: this is the hottest write of the suite, and it must not raise
     * (and log) a constraint violation for an ordinary client retry.
     *
     * @param setsJson the sets as the {@code sets} jsonb column holds them
     * @return false when the key was used before and nothing was inserted
     */
    public boolean insertUnlessKeyUsed(ExerciseSession s, String setsJson) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO exercise_session (id, member_id, employer_id, exercise_id, exercise_revision,
                        program_id, started_at, ended_at, sets, total_reps, note, recorded_at,
                        idempotency_key, request_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                    ON CONFLICT (member_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""")) {
                insert.setObject(1, s.id);
                insert.setString(2, s.memberId);
                insert.setString(3, s.employerId);
                insert.setObject(4, s.exerciseId);
                insert.setInt(5, s.exerciseRevision);
                insert.setObject(6, s.programId, Types.OTHER);
                insert.setObject(7, s.startedAt.atOffset(ZoneOffset.UTC));
                insert.setObject(8, s.endedAt.atOffset(ZoneOffset.UTC));
                insert.setString(9, setsJson);
                insert.setInt(10, s.totalReps);
                insert.setString(11, s.note);
                insert.setObject(12, s.recordedAt.atOffset(ZoneOffset.UTC));
                insert.setString(13, s.idempotencyKey);
                insert.setString(14, s.requestHash);
                return insert.executeUpdate() == 1;
            }
        });
    }

    public Optional<ExerciseSession> findByIdempotencyKey(String memberId, String key) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, key).firstResultOptional();
    }

    public Optional<ExerciseSession> findOwned(String memberId, UUID id) {
        return find("id = ?1 and memberId = ?2", id, memberId).firstResultOptional();
    }

    /** A member's sessions started in [from, to), newest first. */
    public PanacheQuery<ExerciseSession> startedBetween(String memberId, Instant from, Instant to) {
        return find(
                "memberId = :member and startedAt >= :from and startedAt < :to",
                Sort.descending("startedAt").and("id"),
                Parameters.with("member", memberId).and("from", from).and("to", to));
    }

    public long deleteForMember(String memberId) {
        return delete("memberId", memberId);
    }
}
