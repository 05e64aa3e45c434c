package io.limber.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.limber.events.EventType;

/**
 * Appends events to the outbox in the caller's transaction, so an event exists exactly when the
 * change it describes was committed. {@link OutboxRelay} publishes them.
 *
 * <p>Each row keeps the W3C trace context of the appending transaction, so the relay can continue
 * that trace in Kafka. Each appended event is also fired as a CDI event: services count what they
 * committed by observing {@link OutgoingEvent} {@code during = AFTER_SUCCESS}.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxStore store;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Event<OutgoingEvent> appended;

    Outbox(
            OutboxStore store,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            Event<OutgoingEvent> appended) {
        this.store = store;
        this.transactions = transactions;
        this.relay = relay;
        this.appended = appended;
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
        wakeRelayAfterCommit();
        events.forEach(appended::fire);
        return ids;
    }

    private void wakeRelayAfterCommit() {
        // Relay right after commit instead of at the next poll: keeps commit-to-topic latency low.
        AfterCommit.run(transactions, relay::wakeUp);
    }
}
