package io.limber.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every statement on {@code outbox_event}, so its columns are named in one place; the appender
 * and the relay only see events (the Persistor of gruelbox/transaction-outbox, apart from its loop).
 *
 * <p>Plain JDBC rather than entities: an append is on every write path of the suite, and an entity
 * with an identity key would cost a flush and a generated-key round trip per event.
 */
@ApplicationScoped
class OutboxStore {

    /** Arbitrary but fixed: the advisory lock that makes one replica at a time the relay. */
    private static final long RELAY_LOCK = 0x4c696d6265724f62L;

    /** What an append writes of each event, in the order of {@link #APPEND}'s arrays. */
    private static final String EVENT_COLUMNS =
            "id, topic, message_key, event_type, subject, data_schema, payload, traceparent, tracestate";

    // One statement however many events: a batch of prompts would otherwise spend more on round
    // trips than on its work. The identity column numbers rows in the order the SELECT yields
    // them, hence ORDER BY ord: the relay publishes in list order.
    private static final String APPEND = "INSERT INTO outbox_event (" + EVENT_COLUMNS + ", created_at) SELECT "
            + EVENT_COLUMNS + ", ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::jsonb[], ?::text[], ?::text[]) WITH ORDINALITY AS e(" + EVENT_COLUMNS + ", ord) ORDER BY ord";

    private static final String CLAIM = "SELECT seq, created_at, " + EVENT_COLUMNS
            + " FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?";

    private final EntityManager em;
    private final ObjectMapper mapper;

    OutboxStore(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * Writes the events in list order, their data as JSON, all with the same trace context.
     *
     * @return the CloudEvents ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<UUID> append(List<OutgoingEvent> events, TraceContext trace) {
        int n = events.size();
        List<UUID> ids = new ArrayList<>(n);
        String[][] columns = new String[9][n];
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
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
                insert.setObject(1, now);
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 2, connection.createArrayOf("text", columns[c]));
                }
                insert.executeUpdate();
            }
        });
        return ids;
    }

    /**
     * The oldest unpublished rows, locked to this transaction's relay; none when another replica
     * holds the relay lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<PendingEvent> claimBatch(int limit) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            if (!relayLock(connection)) {
                return List.of();
            }
            try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
                select.setInt(1, limit);
                List<PendingEvent> batch = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new PendingEvent(
                                rs.getLong(1),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                new TraceContext(rs.getString(10), rs.getString(11))));
                    }
                }
                return batch;
            }
        });
    }

    private static boolean relayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    // One statement for the whole batch: a relay that updated row by row spent more time here
    // than on Kafka.
    @Transactional(Transactional.TxType.MANDATORY)
    void markPublished(List<PendingEvent> batch, Instant now) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE outbox_event SET published_at = ? WHERE seq = ANY (?)")) {
                update.setObject(1, now.atOffset(ZoneOffset.UTC));
                update.setArray(
                        2,
                        connection.createArrayOf(
                                "bigint", batch.stream().map(PendingEvent::seq).toArray(Long[]::new)));
                update.executeUpdate();
            }
        });
    }

    /** @return how many published rows older than the cutoff were deleted */
    @Transactional
    int deletePublishedBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM OutboxEvent WHERE publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
