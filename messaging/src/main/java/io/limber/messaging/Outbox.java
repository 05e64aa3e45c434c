package io.limber.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends events to the outbox in the caller's transaction, so an event exists exactly when the
 * change it describes was committed. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** @return the CloudEvents id the event will be published with */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutgoingEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = event.topic();
        row.messageKey = event.key();
        row.eventType = event.type();
        row.subject = event.subject();
        row.dataSchema = event.dataSchema();
        row.payload = event.data() == null ? null : json(event.data());
        row.createdAt = Instant.now();
        em.persist(row);
        // Relay right after commit instead of at the next poll: keeps commit-to-topic latency low.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return row.id;
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
