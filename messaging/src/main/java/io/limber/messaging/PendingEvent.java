package io.limber.messaging;

import java.time.Instant;

/** An outbox row the relay has claimed and not yet published. */
record PendingEvent(
        long seq,
        String id,
        String topic,
        String key,
        String type,
        String subject,
        String dataSchema,
        String payload,
        Instant createdAt,
        TraceContext trace) {}
