package io.limber.messaging;

import java.util.UUID;

import io.limber.events.catalog.ExercisePublished;

/**
 * A service's own copy of the catalog, kept from {@code limber.catalog.exercises.v1} by the one
 * rule {@link CatalogChange#applyTo} applies. Both operations are idempotent, so a redelivered or
 * replayed record changes nothing and the consumers need no processed-event log for this topic.
 */
public interface CatalogCopy {

    /**
     * Keeps the snapshot unless a later revision of the exercise is held already; the same
     * revision again leaves the copy as it is.
     */
    void keep(ExercisePublished exercise);

    /** The exercise was retired: members are no longer given it. */
    void retire(UUID exerciseId);
}
