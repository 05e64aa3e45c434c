package io.limber.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;

/**
 * What a record of {@code limber.catalog.exercises.v1} says, read by the one rule every catalog
 * consumer follows: keyed by exercise id; a tombstone retires the exercise; a
 * {@code limber.exercise.published} record is a complete snapshot of that exercise (what its
 * schema requires of a read model: slug, name, kind, default dosage) and replaces an older
 * revision only; any other type is passed over. A record that breaks the rule is refused
 * (IllegalArgumentException, or Jackson's for a body that is not the snapshot), for the consumer's
 * retry and dead-letter topic.
 */
public sealed interface CatalogChange {

    UUID exerciseId();

    /** Applies the change to a service's copy of the catalog: the one rule of every consumer. */
    void applyTo(CatalogCopy copy);

    /** A new revision of an exercise, to keep unless the read model holds a later one. */
    record Published(UUID exerciseId, CloudEventHeaders event, ExercisePublished exercise) implements CatalogChange {
        @Override
        public void applyTo(CatalogCopy copy) {
            copy.keep(exercise);
        }
    }

    /** The exercise was retired: members may no longer be given or record it. */
    record Retired(UUID exerciseId) implements CatalogChange {
        @Override
        public void applyTo(CatalogCopy copy) {
            copy.retire(exerciseId);
        }
    }

    /** An event type this reader does not know; a later version of the topic's contract may add some. */
    record Other(UUID exerciseId, CloudEventHeaders event) implements CatalogChange {
        @Override
        public void applyTo(CatalogCopy copy) {
            Logger.getLogger(CatalogChange.class).debugf("Ignoring %s on the catalog topic", event.type());
        }
    }

    static CatalogChange of(ConsumerRecord<String, String> record, ObjectMapper mapper) throws JsonProcessingException {
        if (record.key() == null) {
            throw new IllegalArgumentException("The catalog record has no key (the exercise id)");
        }
        UUID id = UUID.fromString(record.key());
        if (record.value() == null) {
            return new Retired(id);
        }
        CloudEventHeaders event = CloudEventHeaders.of(record);
        if (!EventTypes.EXERCISE_PUBLISHED.equals(event.type())) {
            return new Other(id, event);
        }
        ExercisePublished exercise = mapper.readValue(record.value(), ExercisePublished.class);
        if (!id.equals(exercise.id())) {
            throw new IllegalArgumentException("Catalog record " + id + " holds exercise " + exercise.id());
        }
        if (exercise.slug() == null
                || exercise.name() == null
                || exercise.kind() == null
                || exercise.defaultDosage() == null) {
            throw new IllegalArgumentException("Catalog record " + id
                    + " is not a complete snapshot: it lacks a slug, name, kind or default dosage");
        }
        return new Published(id, event, exercise);
    }
}
