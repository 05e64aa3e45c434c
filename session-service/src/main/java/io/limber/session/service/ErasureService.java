package io.limber.session.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.Events;
import io.limber.events.session.MemberErased;
import io.limber.messaging.Outbox;
import io.limber.session.idempotency.IdempotencyRecords;
import io.limber.session.repository.ExerciseSafetyRepository;
import io.limber.session.repository.RecommendationRepository;
import io.limber.session.repository.SafetyFlagRepository;
import io.limber.session.repository.SessionRepository;
import io.limber.session.repository.ToleranceReportRepository;

/** A member's right to erasure: everything here goes, and every consumer is told to follow. */
@ApplicationScoped
public class ErasureService {

    private final SessionRepository sessions;
    private final ToleranceReportRepository reports;
    private final RecommendationRepository recommendations;
    private final ExerciseSafetyRepository safetyStates;
    private final SafetyFlagRepository safetyFlags;
    private final IdempotencyRecords idempotencyRecords;
    private final Outbox outbox;

    ErasureService(
            SessionRepository sessions,
            ToleranceReportRepository reports,
            RecommendationRepository recommendations,
            ExerciseSafetyRepository safetyStates,
            SafetyFlagRepository safetyFlags,
            IdempotencyRecords idempotencyRecords,
            Outbox outbox) {
        this.sessions = sessions;
        this.reports = reports;
        this.recommendations = recommendations;
        this.safetyStates = safetyStates;
        this.safetyFlags = safetyFlags;
        this.idempotencyRecords = idempotencyRecords;
        this.outbox = outbox;
    }

    /**
     * Safety flags and their audit trail are the member's health data too: they go with the rest,
     * and so do the member's Idempotency-Keys, whose records would answer with what is gone.
     */
    @Transactional
    public void erase(Caller caller) {
        safetyFlags.deleteForMember(caller.memberId());
        safetyStates.deleteForMember(caller.memberId());
        recommendations.deleteForMember(caller.memberId());
        reports.deleteForMember(caller.memberId());
        sessions.deleteForMember(caller.memberId());
        idempotencyRecords.deleteForMember(caller.memberId());
        outbox.append(Events.MEMBER_ERASED, caller.memberId(), new MemberErased(caller.memberId(), Instant.now()));
    }
}
