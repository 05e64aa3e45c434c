package io.limber.session.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;
import io.limber.messaging.ConsumerRetry;
import io.limber.session.repository.CatalogExerciseRepository;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Builds this service's copy of the catalog from {@code limber.catalog.exercises.v1}. Idempotent
 * by construction: a snapshot only replaces an older revision, and a tombstone only retires. A
 * record that cannot be read goes to the dead-letter topic instead of blocking the partition.
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
        UUID id = UUID.fromString(record.key());
        if (record.value() == null) {
            catalog.retire(id);
            return;
        }
        String type = header(record, "ce_type");
        if (!EventTypes.EXERCISE_PUBLISHED.equals(type)) {
            LOG.debugf("Ignoring %s on the catalog topic", type);
            return;
        }
        ExercisePublished exercise = mapper.readValue(record.value(), ExercisePublished.class);
        if (!id.equals(exercise.id()) || exercise.defaultDosage() == null || exercise.name() == null) {
            throw new IllegalArgumentException(
                    "Catalog record " + record.key() + " is not a complete exercise snapshot of that id");
        }
        catalog.upsert(exercise);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
