package io.limber.session.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.catalog.ExercisePublished;
import io.limber.events.catalog.ExercisePublished.Dosage;
import io.limber.events.catalog.ExercisePublished.DosageBounds;
import io.limber.infra.test.TestTokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Publishes catalog records the way content-service does (CloudEvents binary mode, keyed by
 * exercise id) and waits until this service's read model has them. A test injects it.
 */
@Singleton
public class TestCatalog {

    private final String bootstrapServers;
    private final ObjectMapper mapper;

    TestCatalog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.mapper = mapper;
    }

    /** A fresh exercise: default 2 x 10 reps with a 5 s hold, bounds 1-3 sets, 8-12 reps, 5-15 s. */
    public ExercisePublished publishNew() {
        return publish(
                exercise(UUID.randomUUID(), 1, new Dosage(2, 10, 5), new Dosage(1, 8, 5), new Dosage(3, 12, 15)));
    }

    public ExercisePublished exercise(UUID id, int revision, Dosage dosage, Dosage min, Dosage max) {
        return new ExercisePublished(
                id,
                "scapular-clocks-" + id,
                revision,
                "Scapular clocks " + id.toString().substring(0, 8),
                "strengthen",
                "Moves the shoulder blades through their range.",
                List.of("shoulders"),
                List.of("trapezius"),
                List.of(),
                "standing",
                "bilateral",
                "Standing, arms at the sides, elbows bent 90 degrees.",
                List.of("Shoulders up toward the ears and hold.", "Relax."),
                List.of("A stretch in the shoulder and back muscles."),
                List.of(),
                dosage,
                new DosageBounds(min, max),
                List.of("desk-break"),
                List.of(),
                "Educational use only; not medical advice.",
                Instant.now());
    }

    /** The next revision of the exercise, as items of the given published programs. */
    public ExercisePublished inPrograms(ExercisePublished e, UUID... programs) {
        return new ExercisePublished(
                e.id(),
                e.slug(),
                e.revision() + 1,
                e.name(),
                e.kind(),
                e.summary(),
                e.regions(),
                e.muscles(),
                e.equipment(),
                e.position(),
                e.laterality(),
                e.startPosition(),
                e.steps(),
                e.mayFeel(),
                e.safetyNotes(),
                e.defaultDosage(),
                e.dosageBounds(),
                e.tags(),
                java.util.Arrays.stream(programs)
                        .map(p -> new ExercisePublished.ProgramRef(p, "program-" + p, "Program " + p, List.of()))
                        .toList(),
                e.disclaimer(),
                Instant.now());
    }

    /** Publishes the snapshot and waits until the service knows this revision. */
    public ExercisePublished publish(ExercisePublished exercise) {
        produce(exercise.id().toString(), json(exercise), EventTypes.EXERCISE_PUBLISHED);
        awaitKnown(exercise.id(), exercise.revision());
        return exercise;
    }

    public void retire(UUID id) {
        produce(id.toString(), null, null);
    }

    public void produce(String key, String value, String type) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", UUID.randomUUID().toString());
        header(headers, "ce_source", "/content-service");
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_subject", key);
        if (type != null) {
            header(headers, "ce_type", type);
            header(headers, "ce_dataschema", EventTypes.dataSchema(type, 1));
            header(headers, "content-type", "application/json");
        }
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion
                    .produceStrings()
                    .fromRecords(new ProducerRecord<>(Topic.CATALOG_EXERCISES.name(), null, key, value, headers))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private void awaitKnown(UUID id, int revision) {
        String probe = "catalog-probe-" + UUID.randomUUID();
        String token = TestTokens.member(probe, "employer-probe");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get("/api/v1/members/{m}/dosages/{e}", probe, id)
                                .statusCode()
                        == 200);
        if (revision > 1) {
            // Newer revisions are visible through what recording accepts.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> revisionKnown(id, revision));
        }
    }

    private boolean revisionKnown(UUID id, int revision) {
        String probe = "catalog-probe-" + UUID.randomUUID();
        return given().auth()
                        .oauth2(TestTokens.member(probe, "employer-probe"))
                        .contentType("application/json")
                        .body(Sessions.body(id, revision, 1))
                        .post("/api/v1/members/{m}/sessions", probe)
                        .statusCode()
                == 201;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
