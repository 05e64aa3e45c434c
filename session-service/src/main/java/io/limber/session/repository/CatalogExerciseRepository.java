package io.limber.session.repository;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.events.catalog.ExercisePublished;
import io.limber.messaging.CatalogCopy;
import io.limber.session.model.CatalogExercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogExerciseRepository implements PanacheRepositoryBase<CatalogExercise, UUID>, CatalogCopy {

    /**
     * Stores a published snapshot unless a newer revision is already here, so a redelivered or
     * replayed older snapshot never overwrites a newer one.
     */
    @Override
    public void keep(ExercisePublished e) {
        var min =
                e.dosageBounds() == null ? e.defaultDosage() : e.dosageBounds().min();
        var max =
                e.dosageBounds() == null ? e.defaultDosage() : e.dosageBounds().max();
        getEntityManager()
                .createNativeQuery("""
                        INSERT INTO catalog_exercise (id, slug, name, revision, retired,
                            default_sets, default_reps, default_hold, min_sets, min_reps, min_hold,
                            max_sets, max_reps, max_hold, program_ids, updated_at)
                        VALUES (?1, ?2, ?3, ?4, false, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, CAST(?15 AS uuid[]), ?14)
                        ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name,
                            revision = excluded.revision, retired = false,
                            default_sets = excluded.default_sets, default_reps = excluded.default_reps,
                            default_hold = excluded.default_hold, min_sets = excluded.min_sets,
                            min_reps = excluded.min_reps, min_hold = excluded.min_hold,
                            max_sets = excluded.max_sets, max_reps = excluded.max_reps,
                            max_hold = excluded.max_hold, program_ids = excluded.program_ids,
                            updated_at = excluded.updated_at
                        WHERE catalog_exercise.revision <= excluded.revision
                        """)
                .setParameter(1, e.id())
                .setParameter(2, e.slug())
                .setParameter(3, e.name())
                .setParameter(4, e.revision())
                .setParameter(5, e.defaultDosage().sets())
                .setParameter(6, e.defaultDosage().reps())
                .setParameter(7, e.defaultDosage().holdSeconds())
                .setParameter(8, min.sets())
                .setParameter(9, min.reps())
                .setParameter(10, min.holdSeconds())
                .setParameter(11, max.sets())
                .setParameter(12, max.reps())
                .setParameter(13, max.holdSeconds())
                .setParameter(14, Instant.now())
                .setParameter(15, programIds(e))
                .executeUpdate();
    }

    /** As a PostgreSQL array literal: UUIDs need no quoting. */
    private static String programIds(ExercisePublished e) {
        return e.programs() == null
                ? "{}"
                : e.programs().stream().map(p -> p.id().toString()).collect(Collectors.joining(",", "{", "}"));
    }

    /** A tombstone: the exercise was retired. Sessions already recorded against it stay. */
    /** Kept, marked retired, so a session of it is refused as retired rather than unknown. */
    @Override
    public void retire(UUID id) {
        update("retired = true, updatedAt = ?1 where id = ?2", Instant.now(), id);
    }
}
