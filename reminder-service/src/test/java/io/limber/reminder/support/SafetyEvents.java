package io.limber.reminder.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.session.ExerciseCleared;
import io.limber.events.session.SafetyFlagRaised;
import io.limber.events.session.SafetyFlagResolved;
import io.limber.events.session.ToleranceReported;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The safety events of limber.sessions.v1 as session-service publishes them. */
public record SafetyEvents(KafkaCompanion kafka) {

    public static ToleranceReported report(
            String member,
            UUID exerciseId,
            String zone,
            ToleranceReported.Recommendation recommendation,
            String exerciseState,
            Boolean memberPaused,
            Instant at) {
        return new ToleranceReported(
                UUID.randomUUID(),
                member,
                exerciseId,
                UUID.randomUUID(),
                2,
                "stop".equals(zone) || "urgent".equals(zone) ? 8 : 4,
                3,
                null,
                zone,
                recommendation,
                "test",
                at,
                false,
                "urgent".equals(zone) ? List.of("chest-pain") : List.of(),
                exerciseState,
                memberPaused);
    }

    /** A report in the stop zone: the exercise stops until a clinician clears it. */
    public static ToleranceReported stopReport(String member, UUID exerciseId) {
        return report(member, exerciseId, "stop", null, "stopped", false, Instant.now());
    }

    public static SafetyFlagRaised raised(String member, UUID exerciseId, String zone, boolean memberPaused) {
        return raised(member, exerciseId, zone, memberPaused, Instant.now());
    }

    public static SafetyFlagRaised raised(
            String member, UUID exerciseId, String zone, boolean memberPaused, Instant at) {
        return new SafetyFlagRaised(
                UUID.randomUUID(),
                member,
                exerciseId,
                UUID.randomUUID(),
                zone,
                "test flag",
                "urgent".equals(zone) ? List.of("chest-pain") : List.of(),
                memberPaused,
                at);
    }

    public static SafetyFlagResolved resolved(String member, UUID exerciseId, boolean memberPaused, Instant at) {
        return new SafetyFlagResolved(UUID.randomUUID(), member, exerciseId, "urgent", "clinician-7", memberPaused, at);
    }

    public static ExerciseCleared cleared(
            String member, UUID exerciseId, ToleranceReported.Recommendation recommendation, Instant at) {
        return new ExerciseCleared(
                UUID.randomUUID(), member, exerciseId, "clinician-7", recommendation, UUID.randomUUID(), at);
    }

    /** Sends one event of the type on the member's key; its CloudEvents id. */
    public String send(String member, String type, Object data) {
        return CloudEvents.send(kafka, Topic.SESSIONS.name(), member, type, data);
    }

    public String report(ToleranceReported report) {
        return send(report.memberId(), EventTypes.TOLERANCE_REPORTED, report);
    }
}
