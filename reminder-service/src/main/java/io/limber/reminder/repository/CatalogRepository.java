package io.limber.reminder.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.events.catalog.ExercisePublished;
import io.limber.messaging.CatalogCopy;
import io.limber.reminder.model.CatalogExercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogExercise, UUID>, CatalogCopy {

    static final String DESK_BREAK = "desk-break";

    /** Stores the snapshot unless a later revision is here; the same revision again rewrites the same values. */
    @Override
    public void keep(ExercisePublished event) {
        CatalogExercise row = findById(event.id());
        if (row != null && row.revision > event.revision()) {
            return; // an older snapshot arriving late
        }
        boolean fresh = row == null;
        if (fresh) {
            row = new CatalogExercise();
            row.id = event.id();
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
            persist(row);
        }
    }

    /** Deleted: suggestions come from what is here, and nothing here refers to a retired exercise. */
    @Override
    public void retire(UUID exerciseId) {
        deleteById(exerciseId);
    }

    /**
     * What a prompt may suggest: exercises of desk-break programs, and movement breaks (in a
     * program or not), in a stable order suggestions rotate through.
     */
    public List<CatalogExercise> suggestable() {
        return list("deskBreak = true or kind = ?1", Sort.ascending("slug").and("id"), "movement-break");
    }
}
