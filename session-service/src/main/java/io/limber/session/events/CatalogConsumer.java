package io.limber.session.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.messaging.CatalogChange;
import io.limber.messaging.ConsumerRetry;
import io.limber.session.repository.CatalogExerciseRepository;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Builds this service's copy of the catalog from {@code limber.catalog.exercises.v1} by the one
 * rule of {@link CatalogChange}: idempotent by construction (a snapshot only replaces an older
 * revision, a tombstone only retires), so no processed-event log. A record that cannot be read goes to the dead-letter
 * topic instead of blocking the partition.
 */
@ApplicationScoped
public class CatalogConsumer {

    private final CatalogExerciseRepository catalog;
    private final ObjectMapper mapper;

    CatalogConsumer(CatalogExerciseRepository catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** Retried as {@link ConsumerRetry} says, then dead-lettered. */
    @Incoming("catalog")
    @Blocking
    @ApplyGuard(ConsumerRetry.NAME)
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        apply(record);
    }

    @Transactional(rollbackOn = Exception.class)
    void apply(ConsumerRecord<String, String> record) throws JsonProcessingException {
        CatalogChange.of(record, mapper).applyTo(catalog);
    }
}
