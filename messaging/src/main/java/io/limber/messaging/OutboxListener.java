package io.limber.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * What the relay's work looks like from outside, apart from the loop (as gruelbox/transaction-outbox
 * keeps its listener): the commit-to-Kafka meters, and a PRODUCER span per traced row under the
 * span of the transaction that appended it, so one trace follows a change through Kafka.
 *
 * <p>A singleton, made with the publisher: its meters exist from the relay's first batch, as when
 * the publisher registered them itself.
 */
@Singleton
class OutboxListener {

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation");
    private static final AttributeKey<String> MESSAGING_DESTINATION =
            AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CLOUDEVENTS_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private final Counter relayed;
    private final Timer commitToPublish;
    private final Tracer tracer;

    OutboxListener(MeterRegistry registry, Tracer tracer) {
        this.tracer = tracer;
        this.relayed = Counter.builder("limber.outbox.relayed")
                .description("Events published from the outbox")
                .register(registry);
        this.commitToPublish = Timer.builder("limber.outbox.lag")
                .description("Time from an event's commit to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** The publish spans of one batch, ended when it is closed. */
    PublishSpans publishing() {
        return new PublishSpans();
    }

    /** Kafka acknowledged the whole batch at {@code now}. */
    void published(List<PendingEvent> batch, Instant now) {
        for (PendingEvent event : batch) {
            commitToPublish.record(Duration.between(event.createdAt(), now));
        }
        relayed.increment(batch.size());
    }

    final class PublishSpans implements AutoCloseable {

        private final List<Span> spans = new ArrayList<>();

        private PublishSpans() {}

        /**
         * Starts the event's publish span, if the row was traced: a relay batch has no request of
         * its own, and a root span per record would only be noise.
         *
         * @return the trace the event's record carries on: the publish span's when tracing is on
         *     here, the stored one as it is when the SDK is off here but the row was traced
         *     elsewhere (another replica, before a restart)
         */
        TraceContext start(PendingEvent event) {
            if (!event.trace().traced()) {
                return event.trace();
            }
            Span span = tracer.spanBuilder(event.topic() + " publish")
                    .setParent(event.trace().asParent())
                    .setSpanKind(SpanKind.PRODUCER)
                    .setAttribute(MESSAGING_SYSTEM, "kafka")
                    .setAttribute(MESSAGING_OPERATION, "publish")
                    .setAttribute(MESSAGING_DESTINATION, event.topic())
                    .setAttribute(MESSAGING_MESSAGE_ID, event.id())
                    .setAttribute(CLOUDEVENTS_TYPE, event.type())
                    .startSpan();
            spans.add(span);
            return span.getSpanContext().isValid()
                    ? TraceContext.of(Context.root().with(span))
                    : event.trace();
        }

        /** The batch was not acknowledged: it is rolled back and sent again. */
        void failed(Exception e) {
            for (Span span : spans) {
                span.setStatus(StatusCode.ERROR, "not acknowledged: " + e);
            }
        }

        @Override
        public void close() {
            spans.forEach(Span::end);
        }
    }
}
