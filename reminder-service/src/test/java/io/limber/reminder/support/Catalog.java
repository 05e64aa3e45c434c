package io.limber.reminder.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.catalog.ExercisePublished;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.awaitility.Awaitility.await;

/** Publishes catalog snapshots as content-service does, and waits for the read model to hold them. */
public record Catalog(KafkaCompanion kafka, Db db) {

    /** The dose a desk-break program gives its exercises here: shorter than their default (2 x 10). */
    public static final ExercisePublished.Dosage DESK_BREAK_DOSE = new ExercisePublished.Dosage(1, 6, null);

    public static ExercisePublished exercise(
            String slug, String kind, String position, List<String> equipment, boolean deskBreak, int revision) {
        UUID id = UUID.randomUUID();
        List<ExercisePublished.ProgramRef> programs = List.of(new ExercisePublished.ProgramRef(
                UUID.randomUUID(),
                deskBreak ? "desk-break" : "upper-back-relief",
                deskBreak ? "Desk break" : "Upper-back relief",
                deskBreak ? List.of("desk-break", "no-floor") : List.of("relief"),
                deskBreak ? DESK_BREAK_DOSE : null));
        return new ExercisePublished(
                id,
                slug,
                revision,
                slug.replace('-', ' '),
                kind,
                "A test exercise",
                List.of("thoracic-spine"),
                List.of("rhomboids"),
                equipment,
                position,
                "bilateral",
                "Sit tall",
                List.of("Move", "Return"),
                List.of("A stretch"),
                List.of(),
                new ExercisePublished.Dosage(2, 10, null),
                new ExercisePublished.DosageBounds(
                        new ExercisePublished.Dosage(1, 5, null), new ExercisePublished.Dosage(4, 20, null)),
                List.of("upper-back"),
                programs,
                "Educational use only; not medical advice.",
                Instant.now());
    }

    /** A plain movement break, as content-service seeds them: no equipment and in no program. */
    public static ExercisePublished movementBreak(String slug, String position) {
        ExercisePublished e = exercise(slug, "movement-break", position, List.of(), false, 1);
        return new ExercisePublished(
                e.id(),
                e.slug(),
                e.revision(),
                e.name(),
                e.kind(),
                e.summary(),
                List.of("whole-spine"),
                List.of(),
                e.equipment(),
                e.position(),
                e.laterality(),
                e.startPosition(),
                e.steps(),
                e.mayFeel(),
                e.safetyNotes(),
                new ExercisePublished.Dosage(1, null, 120),
                new ExercisePublished.DosageBounds(
                        new ExercisePublished.Dosage(1, null, 60), new ExercisePublished.Dosage(2, null, 300)),
                List.of("movement-break"),
                List.of(),
                e.disclaimer(),
                e.publishedAt());
    }

    public String publish(ExercisePublished exercise) {
        return CloudEvents.send(
                kafka,
                Topic.CATALOG_EXERCISES.name(),
                exercise.id().toString(),
                EventTypes.EXERCISE_PUBLISHED,
                exercise);
    }

    public void publishAndWait(ExercisePublished... exercises) {
        for (ExercisePublished e : exercises) {
            publish(e);
        }
        for (ExercisePublished e : exercises) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Integer.valueOf(e.revision())
                            .equals(db.one(
                                    "SELECT revision FROM catalog_exercise WHERE id = ?", Integer.class, e.id())));
        }
    }
}
