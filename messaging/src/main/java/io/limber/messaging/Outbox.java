package io.limber.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventType;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

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

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Event<OutgoingEvent> appended;

    Outbox(
            EntityManager em,
            ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            Event<OutgoingEvent> appended) {
        this.em = em;
        this.mapper = mapper;
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
        UUID id = UUID.randomUUID();
        String payload = event.data() == null ? null : json(event.data());
        TraceContext trace = TraceContext.current();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Plain JDBC rather than persisting an entity: one insert on every write path of the suite,
        // and an entity with an identity key would cost a flush and a generated-key round trip.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, topic, message_key, event_type, subject, data_schema, payload,
                                              traceparent, tracestate, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, event.topic());
                insert.setString(3, event.key());
                insert.setString(4, event.type());
                insert.setString(5, event.subject());
                insert.setString(6, event.dataSchema());
                insert.setString(7, payload);
                insert.setString(8, trace.traceparent());
                insert.setString(9, trace.tracestate());
                insert.setObject(10, now);
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        appended.fire(event);
        return id;
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
        int n = events.size();
        List<UUID> ids = new ArrayList<>(n);
        String[][] columns = new String[9][n];
        TraceContext trace = TraceContext.current();
        for (int i = 0; i < n; i++) {
            OutgoingEvent event = events.get(i);
            UUID id = UUID.randomUUID();
            ids.add(id);
            columns[0][i] = id.toString();
            columns[1][i] = event.topic();
            columns[2][i] = event.key();
            columns[3][i] = event.type();
            columns[4][i] = event.subject();
            columns[5][i] = event.dataSchema();
            columns[6][i] = event.data() == null ? null : json(event.data());
            columns[7][i] = trace.traceparent();
            columns[8][i] = trace.tracestate();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> insertAll(connection, columns, now));
        wakeRelayAfterCommit();
        events.forEach(appended::fire);
        return ids;
    }

    // The identity column numbers rows in the order the SELECT yields them, hence ORDER BY ord.
    private static void insertAll(Connection connection, String[][] columns, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, subject, data_schema, payload,
                                          traceparent, tracestate, created_at)
                SELECT e.id::uuid, e.topic, e.message_key, e.event_type, e.subject, e.data_schema, e.payload::jsonb,
                       e.traceparent, e.tracestate, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[]) WITH ORDINALITY
                     AS e(id, topic, message_key, event_type, subject, data_schema, payload, traceparent, tracestate, ord)
                ORDER BY e.ord""")) {
            insert.setObject(1, now);
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 2, connection.createArrayOf("text", columns[c]));
            }
            insert.executeUpdate();
        }
    }

    private void wakeRelayAfterCommit() {
        // Relay right after commit instead of at the next poll: keeps commit-to-topic latency low.
        AfterCommit.run(transactions, relay::wakeUp);
    }

    /** The W3C headers of the current span, both null when nothing traces this thread. */
    private record TraceContext(String traceparent, String tracestate) {

        private static final TraceContext NONE = new TraceContext(null, null);

        static TraceContext current() {
            SpanContext span = Span.current().getSpanContext();
            if (!span.isValid()) {
                return NONE;
            }
            String[] headers = new String[2];
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, (carrier, name, value) -> {
                if ("traceparent".equals(name)) {
                    carrier[0] = value;
                } else if ("tracestate".equals(name)) {
                    carrier[1] = value;
                }
            });
            return new TraceContext(headers[0], headers[1]);
        }
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
