package io.limber.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code limber.exercise.published} on {@code limber.catalog.exercises.v1}: the full
 * published snapshot of one exercise, keyed by its id. The topic is compacted, so the latest
 * snapshot per exercise is the catalog; a tombstone (null value) means the exercise was retired.
 * Consumers build their own read model from it instead of calling content-service.
 *
 * @param revision the immutable revision number this snapshot is; a recorded session names it
 * @param kind {@code stretch}, {@code strengthen}, {@code mobility} or {@code movement-break} (a plain
 *     break such as standing up to walk, added within v1)
 * @param regions target regions, e.g. {@code thoracic-spine}, {@code chest}, {@code shoulders}
 * @param equipment what it needs, e.g. {@code yoga-mat}, {@code chair}, {@code wall},
 *     {@code resistance-band}, {@code door-anchor}; empty when it needs nothing
 * @param position {@code lying}, {@code seated} or {@code standing}
 * @param laterality {@code bilateral} or {@code each-side}
 * @param programs the published programs that contain it, with their tags (e.g. {@code desk-break})
 *     and the dose each gives it
 */
public record ExercisePublished(
        UUID id,
        String slug,
        int revision,
        String name,
        String kind,
        String summary,
        List<String> regions,
        List<String> muscles,
        List<String> equipment,
        String position,
        String laterality,
        String startPosition,
        List<String> steps,
        List<String> mayFeel,
        List<String> safetyNotes,
        Dosage defaultDosage,
        DosageBounds dosageBounds,
        List<String> tags,
        List<ProgramRef> programs,
        String disclaimer,
        Instant publishedAt) {

    /** How much of an exercise to do; reps or holdSeconds may be null when they do not apply. */
    public record Dosage(int sets, Integer reps, Integer holdSeconds) {

        /** Sets x reps x seconds held, a figure that does not apply counting 1: to compare doses. */
        public long volume() {
            return (long) sets * (reps == null ? 1 : reps) * (holdSeconds == null ? 1 : holdSeconds);
        }
    }

    /** The range a progression may move the dosage within. */
    public record DosageBounds(Dosage min, Dosage max) {}

    /**
     * @param dosage the dose this program's item gives the exercise (a desk break's is short); added
     *     within v1, so null in records produced before
     */
    public record ProgramRef(UUID id, String slug, String name, List<String> tags, Dosage dosage) {

        /** A reference without the item's dose, as records before it was added carry. */
        public ProgramRef(UUID id, String slug, String name, List<String> tags) {
            this(id, slug, name, tags, null);
        }
    }
}
