package io.limber.reminder.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
        List<ExercisePublished.ProgramRef> deskBreaks = event.programs() == null
                ? List.of()
                : event.programs().stream()
                        .filter(p -> p.tags() != null && p.tags().contains(DESK_BREAK))
                        .toList();
        row.deskBreak = !deskBreaks.isEmpty();
        ExercisePublished.Dosage dose = promptDose(event.defaultDosage(), deskBreaks);
        row.sets = dose.sets();
        row.reps = dose.reps();
        row.holdSeconds = dose.holdSeconds();
        row.updatedAt = Instant.now();
        if (fresh) {
            persist(row);
        }
    }

    /**
     * The dose a prompt suggests: the desk-break program item's (the smallest if several
     * desk-break programs hold the exercise), a figure the item leaves out (such as its hold) taken
     * from the exercise's default; else the default, as for a movement break in no desk-break
     * program or a record from before items carried their dose.
     */
    static ExercisePublished.Dosage promptDose(
            ExercisePublished.Dosage defaultDose, List<ExercisePublished.ProgramRef> deskBreaks) {
        return deskBreaks.stream()
                .map(ExercisePublished.ProgramRef::dosage)
                .filter(Objects::nonNull)
                .map(item -> new ExercisePublished.Dosage(
                        item.sets(),
                        item.reps() != null ? item.reps() : defaultDose.reps(),
                        item.holdSeconds() != null ? item.holdSeconds() : defaultDose.holdSeconds()))
                .min(Comparator.comparingLong(ExercisePublished.Dosage::volume))
                .orElse(defaultDose);
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
