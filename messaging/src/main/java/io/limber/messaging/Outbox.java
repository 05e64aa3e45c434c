package io.limber.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.limber.events.EventType;

/**
 * Appends events to the outbox in the caller's transaction, so an event exists exactly when the
 * change it describes was committed. {@link OutboxRelay} publishes them.
 *
 * <p>Each row keeps the W3C trace context of the appending transaction, so the relay can continue
 * that trace in Kafka. Each appended event's payload record (of the {@code events} module) is also
 * fired as a CDI event: a service counts what it committed by observing, say,
 * {@code @Observes(during = AFTER_SUCCESS) SessionCompleted}, and a rolled-back change counts
 * nothing. After-success observers run in no promised order: none may rely on another's effect.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Fired once per append, for {@link OutboxRelay} to observe after success: relaying right after
     * the commit instead of at the next poll keeps commit-to-topic latency low.
     *
     * @param events how many events the append wrote
     */
    record Appended(int events) {}

    private final OutboxStore store;
    private final Event<Appended> appended;
    private final Event<Object> payloads;

    Outbox(OutboxStore store, Event<Appended> appended, Event<Object> payloads) {
        this.store = store;
        this.appended = appended;
        this.payloads = payloads;
    }

    /** An event of the contract about {@code key}: see {@link OutgoingEvent#of}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID append(EventType<T> type, String key, T payload) {
        return append(OutgoingEvent.of(type, key, payload));
    }

    /** @return the CloudEvents id the event will be published with */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutgoingEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * Appends many events with one statement, in list order (which is the order the relay
     * publishes them in). For batch work such as prompt dispatch, where one insert per event
     * would cost more than the work itself.
     *
     * @return the CloudEvents ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = store.append(events, TraceContext.current());
        appended.fire(new Appended(events.size()));
        for (OutgoingEvent event : events) {
            // Records only: a tombstone has no payload, and CDI refuses an event object whose
            // type has unresolved type variables (a List, a Map).
            if (event.data() instanceof Record payload) {
                payloads.fire(payload);
            }
        }
        return ids;
    }
}
