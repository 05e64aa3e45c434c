package io.limber.reminder.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventTypes;
import io.limber.events.session.ExerciseCleared;
import io.limber.events.session.MemberErased;
import io.limber.events.session.SafetyFlagRaised;
import io.limber.events.session.SafetyFlagResolved;
import io.limber.events.session.SessionCompleted;
import io.limber.events.session.ToleranceReported;
import io.limber.messaging.CloudEventHeaders;
import io.limber.messaging.ConsumerRetry;
import io.limber.messaging.ProcessedEvents;
import io.limber.reminder.service.MemberEventService;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies {@code limber.sessions.v1} events, each in one transaction with its entry in the
 * processed-event log, so a redelivered event is skipped. An event that cannot be applied throws:
 * the transaction rolls back, and after the retries of {@link #consume} the record goes to the
 * dead-letter topic with the reason, and the partition moves on.
 */
@ApplicationScoped
public class SessionEventsConsumer {

    static final String CONSUMER = "reminder-service.sessions";
    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);

    private final ProcessedEvents processed;
    private final MemberEventService members;
    private final ObjectMapper mapper;

    SessionEventsConsumer(ProcessedEvents processed, MemberEventService members, ObjectMapper mapper) {
        this.processed = processed;
        this.members = members;
        this.mapper = mapper;
    }

    /** Retried as {@link ConsumerRetry} says, then dead-lettered. */
    @Incoming("sessions")
    @Blocking
    @ApplyGuard(ConsumerRetry.NAME)
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        apply(record);
    }

    @Transactional(rollbackOn = Exception.class) // a JSON error is checked, and must not commit the dedup entry
    void apply(ConsumerRecord<String, String> record) throws JsonProcessingException {
        CloudEventHeaders ce = CloudEventHeaders.of(record);
        String id = ce.requireId();
        if (!processed.firstDelivery(CONSUMER, id)) {
            LOG.debugf("Skipping redelivered event %s", id);
            return;
        }
        if (ce.type() == null) {
            throw new IllegalArgumentException("The record has no ce_type header");
        }
        switch (ce.type()) {
            case EventTypes.SESSION_COMPLETED -> {
                SessionCompleted event = read(record, SessionCompleted.class);
                String member = requireMember(event.memberId(), record);
                Instant endedAt = event.endedAt() != null ? event.endedAt() : event.startedAt();
                if (endedAt == null) {
                    throw new IllegalArgumentException("The session has neither endedAt nor startedAt");
                }
                members.sessionCompleted(member, endedAt);
            }
            case EventTypes.TOLERANCE_REPORTED -> {
                ToleranceReported event = read(record, ToleranceReported.class);
                String member = requireMember(event.memberId(), record);
                // A zone not known here is applied as stop (the contract's cautious reading), not dead-lettered.
                members.toleranceReported(member, event);
            }
            case EventTypes.SAFETY_FLAG_RAISED -> {
                SafetyFlagRaised event = read(record, SafetyFlagRaised.class);
                members.safetyFlagRaised(requireMember(event.memberId(), record), event);
            }
            case EventTypes.SAFETY_FLAG_RESOLVED -> {
                SafetyFlagResolved event = read(record, SafetyFlagResolved.class);
                members.safetyFlagResolved(requireMember(event.memberId(), record), event);
            }
            case EventTypes.EXERCISE_CLEARED -> {
                ExerciseCleared event = read(record, ExerciseCleared.class);
                members.exerciseCleared(requireMember(event.memberId(), record), event);
            }
            case EventTypes.MEMBER_ERASED -> {
                MemberErased event = read(record, MemberErased.class);
                members.erase(requireMember(event.memberId(), record));
            }
            default -> LOG.debugf("Ignoring event type %s", ce.type()); // others' events share the topic
        }
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) throws JsonProcessingException {
        if (record.value() == null) {
            throw new IllegalArgumentException("The record has no value");
        }
        return mapper.readValue(record.value(), type);
    }

    /** The key is the member id by contract; an event about someone else is not trusted. */
    private static String requireMember(String memberId, ConsumerRecord<String, String> record) {
        if (memberId == null || memberId.isBlank()) {
            throw new IllegalArgumentException("The event names no memberId");
        }
        if (record.key() != null && !record.key().equals(memberId)) {
            throw new IllegalArgumentException("The record key does not match the event's memberId");
        }
        return memberId;
    }
}
