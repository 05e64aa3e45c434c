package io.limber.session.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.session.MemberErased;
import io.limber.messaging.Outbox;
import io.limber.messaging.OutgoingEvent;
import io.limber.session.repository.RecommendationRepository;
import io.limber.session.repository.SessionRepository;
import io.limber.session.repository.ToleranceReportRepository;

/** A member's right to erasure: everything here goes, and every consumer is told to follow. */
@ApplicationScoped
public class ErasureService {

    private final SessionRepository sessions;
    private final ToleranceReportRepository reports;
    private final RecommendationRepository recommendations;
    private final Outbox outbox;

    ErasureService(
            SessionRepository sessions,
            ToleranceReportRepository reports,
            RecommendationRepository recommendations,
            Outbox outbox) {
        this.sessions = sessions;
        this.reports = reports;
        this.recommendations = recommendations;
        this.outbox = outbox;
    }

    @Transactional
    public void erase(Caller caller) {
        recommendations.deleteForMember(caller.memberId());
        reports.deleteForMember(caller.memberId());
        sessions.deleteForMember(caller.memberId());
        outbox.append(new OutgoingEvent(
                Topic.SESSIONS.name(),
                caller.memberId(),
                EventTypes.MEMBER_ERASED,
                caller.memberId(),
                EventTypes.dataSchema(EventTypes.MEMBER_ERASED, 1),
                new MemberErased(caller.memberId(), Instant.now())));
    }
}
