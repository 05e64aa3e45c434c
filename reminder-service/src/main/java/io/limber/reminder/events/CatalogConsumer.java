package io.limber.reminder.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.catalog.ExercisePublished;
import io.limber.messaging.CatalogChange;
import io.limber.messaging.CloudEventHeaders;
import io.limber.messaging.ConsumerRetry;
import io.limber.messaging.ProcessedEvents;
import io.limber.reminder.model.CatalogExercise;
import io.limber.reminder.repository.CatalogRepository;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the local catalog read model from {@code limber.catalog.exercises.v1}, so suggestions
 * never need content-service to be up. The topic is compacted: the latest snapshot per exercise is
 * the catalog, a tombstone retires one.
 */
@ApplicationScoped
public class CatalogConsumer {

    static final String CONSUMER = "reminder-service.catalog";
    static final String DESK_BREAK = "desk-break";
    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);

    private final CatalogRepository catalog;
    private final ProcessedEvents processed;
    private final ObjectMapper mapper;

    CatalogConsumer(CatalogRepository catalog, ProcessedEvents processed, ObjectMapper mapper) {
        this.catalog = catalog;
        this.processed = processed;
        this.mapper = mapper;
    }

    /** Retried as {@link ConsumerRetry} says, then dead-lettered. */
    @Incoming("catalog")
    @Blocking
    @ApplyGuard(ConsumerRetry.NAME)
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        apply(record);
    }

    @Transactional(rollbackOn = Exception.class) // a JSON error is checked, and must not commit the dedup entry
    void apply(ConsumerRecord<String, String> record) throws JsonProcessingException {
        CatalogChange change = CatalogChange.of(record, mapper);
        UUID exerciseId = change.exerciseId();
        if (change instanceof CatalogChange.Retired) {
            catalog.deleteById(exerciseId); // suggestions come from what is here
            return;
        }
        CloudEventHeaders ce =
                change instanceof CatalogChange.Published p ? p.event() : ((CatalogChange.Other) change).event();
        if (!processed.firstDelivery(CONSUMER, ce.requireId())) {
            return;
        }
        if (!(change instanceof CatalogChange.Published published)) {
            LOG.debugf("Ignoring event type %s", ce.type());
            return;
        }
        ExercisePublished event = published.exercise();
        CatalogExercise row = catalog.findById(exerciseId);
        if (row != null && row.revision > event.revision()) {
            return; // an older snapshot arriving late
        }
        boolean fresh = row == null;
        if (fresh) {
            row = new CatalogExercise();
            row.id = exerciseId;
        }
        row.slug = event.slug();
        row.name = event.name();
        row.revision = event.revision();
        row.kind = event.kind();
        row.position = event.position();
        row.equipment = String.join(",", event.equipment() == null ? List.of() : event.equipment());
        row.deskBreak = event.programs() != null
                && event.programs().stream()
                        .anyMatch(p -> p.tags() != null && p.tags().contains(DESK_BREAK));
        row.sets = event.defaultDosage().sets();
        row.reps = event.defaultDosage().reps();
        row.holdSeconds = event.defaultDosage().holdSeconds();
        row.updatedAt = Instant.now();
        if (fresh) {
            catalog.persist(row);
        }
    }
}
