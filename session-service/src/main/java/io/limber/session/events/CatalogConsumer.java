package io.limber.session.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.messaging.CatalogChange;
import io.limber.messaging.ConsumerRetry;
import io.limber.session.repository.CatalogExerciseRepository;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Builds this service's copy of the catalog from {@code limber.catalog.exercises.v1}, read as
 * {@link CatalogChange} says. Idempotent by construction: a snapshot only replaces an older
 * revision, and a tombstone only retires. A record that cannot be read goes to the dead-letter
 * topic instead of blocking the partition.
 */
@ApplicationScoped
public class CatalogConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);

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
        upsert(record);
    }

    @Transactional(rollbackOn = Exception.class)
    void upsert(ConsumerRecord<String, String> record) throws JsonProcessingException {
        CatalogChange change = CatalogChange.of(record, mapper);
        if (change instanceof CatalogChange.Retired) {
            catalog.retire(change.exerciseId()); // kept, so a session of it is refused as retired
        } else if (change instanceof CatalogChange.Published published) {
            catalog.upsert(published.exercise());
        } else {
            LOG.debugf(
                    "Ignoring %s on the catalog topic",
                    ((CatalogChange.Other) change).event().type());
        }
    }
}
