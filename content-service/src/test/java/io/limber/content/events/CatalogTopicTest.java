package io.limber.content.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.limber.content.CatalogApi;
import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.limber.content.CatalogApi.PROGRAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the compacted catalog topic holds, read back from the real broker from its start. */
@QuarkusTest
class CatalogTopicTest {

    static final String TOPIC = Topic.CATALOG_EXERCISES.name();
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema SCHEMA = schema();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    final CatalogApi api = new CatalogApi();
    KafkaCompanion companion;
    ConsumerTask<String, String> topic;

    @BeforeEach
    void readTheTopicFromTheStart() {
        companion = new KafkaCompanion(bootstrapServers);
        topic = companion.consumeStrings().fromTopics(TOPIC);
    }

    @AfterEach
    void close() {
        topic.stop();
        companion.close();
    }

    @Test
    void holdsExactlyThePublishedSnapshotsThroughPublishRepublishAndRetire() throws Exception {
        String slug = CatalogApi.slug("on-topic");
        var body = CatalogApi.exercise(slug);
        String id = api.createAndPublish(EXERCISES, body);
        body.put("summary", "Second revision.");
        api.replace(EXERCISES, id, body);
        api.publish(EXERCISES, id);
        api.action(EXERCISES, id, "retire", api.editor).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = awaitRecords(id, 3);
        assertThat(records).hasSize(3);

        JsonNode first = JSON.readTree(records.get(0).value());
        assertThat(first.get("revision").asInt()).isEqualTo(1);
        assertThat(first.get("slug").asText()).isEqualTo(slug);
        JsonNode second = JSON.readTree(records.get(1).value());
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("summary").asText()).isEqualTo("Second revision.");
        assertThat(records.get(2).value()).as("tombstone on retire").isNull();

        for (ConsumerRecord<String, String> record : records) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo(EventTypes.EXERCISE_PUBLISHED);
            assertThat(header(record, "ce_source")).isEqualTo("/content-service");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "ce_dataschema"))
                    .isEqualTo("https://schemas.limber.io/events/limber.exercise.published.v1.json");
            assertThat(header(record, "ce_id")).isNotBlank();
            assertThat(header(record, "ce_time")).isNotBlank();
        }
        assertThat(records.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(3);
        assertThat(header(records.get(0), "content-type")).isEqualTo("application/json");
        assertValid(records.get(0).value());
        assertValid(records.get(1).value());
    }

    @Test
    void nothingIsPublishedForDraftsOrReviews() {
        String draft = api.createId(EXERCISES, CatalogApi.exercise(CatalogApi.slug("quiet")));
        api.action(EXERCISES, draft, "submit", api.editor).then().statusCode(200);
        // A later publish of another exercise proves the relay ran past the draft's changes.
        String marker = api.createAndPublish(EXERCISES, CatalogApi.exercise(CatalogApi.slug("marker")));
        awaitRecords(marker, 1);
        assertThat(recordsFor(draft)).isEmpty();
    }

    @Test
    void aProgramPublishReEmitsItsExercisesWithTheProgramItsTagsAndTheDoseItGives() throws Exception {
        String exercise = api.createAndPublish(EXERCISES, CatalogApi.exercise(CatalogApi.slug("in-program")));
        String programSlug = CatalogApi.slug("break");
        String program = api.createAndPublish(
                PROGRAMS, CatalogApi.program(programSlug, List.of(exercise), List.of("desk-break")));

        JsonNode snapshot = JSON.readTree(awaitRecords(exercise, 2).get(1).value());
        assertThat(snapshot.get("revision").asInt()).isEqualTo(1);
        assertThat(snapshot.at("/programs/0/slug").asText()).isEqualTo(programSlug);
        assertThat(snapshot.at("/programs/0/tags/0").asText()).isEqualTo("desk-break");
        assertThat(snapshot.at("/programs/0/id").asText()).isEqualTo(program);
        assertThat(snapshot.at("/programs/0/dosage/sets").asInt()).isEqualTo(1); // the item's 1 x 5
        assertThat(snapshot.at("/programs/0/dosage/reps").asInt()).isEqualTo(5);
        assertValid(snapshot.toString());

        api.action(PROGRAMS, program, "retire", api.reviewer).then().statusCode(200);
        JsonNode afterRetire = JSON.readTree(awaitRecords(exercise, 3).get(2).value());
        assertThat(afterRetire.get("programs")).isEmpty();
    }

    @Test
    void theSeedIsOnTheTopicSoConsumersKnowTheCatalog() throws Exception {
        Set<String> seeded = Set.of(
                "6f1c2a10-0001-4c1e-9a01-0a0b0c0d0e01",
                "6f1c2a10-0002-4c1e-9a01-0a0b0c0d0e02",
                "6f1c2a10-0003-4c1e-9a01-0a0b0c0d0e03",
                "6f1c2a10-0004-4c1e-9a01-0a0b0c0d0e04",
                "6f1c2a10-0005-4c1e-9a01-0a0b0c0d0e05",
                "6f1c2a10-0006-4c1e-9a01-0a0b0c0d0e06",
                "6f1c2a10-0007-4c1e-9a01-0a0b0c0d0e07",
                "6f1c2a10-0008-4c1e-9a01-0a0b0c0d0e08",
                "6f1c2a10-0009-4c1e-9a01-0a0b0c0d0e09");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> topic.getRecords().stream()
                                .map(ConsumerRecord::key)
                                .filter(seeded::contains)
                                .distinct()
                                .count()
                        == seeded.size());
        ConsumerRecord<String, String> clocks =
                recordsFor("6f1c2a10-0006-4c1e-9a01-0a0b0c0d0e06").get(0);
        JsonNode snapshot = JSON.readTree(clocks.value());
        assertThat(snapshot.get("slug").asText()).isEqualTo("scapular-clocks");
        assertThat(snapshot.get("revision").asInt()).isEqualTo(1);
        assertThat(snapshot.get("equipment")).isEmpty();
        assertThat(snapshot.findValuesAsText("slug")).contains("desk-break", "upper-back-relief");
        // Each program gives it its own dose: the desk break a short one (the seed's 1 x 3, 3 s).
        for (JsonNode ref : snapshot.get("programs")) {
            String dose = ref.at("/dosage/sets").asInt() + "x"
                    + ref.at("/dosage/reps").asInt() + "x"
                    + ref.at("/dosage/holdSeconds").asInt();
            assertThat(dose)
                    .as(ref.get("slug").asText())
                    .isEqualTo(ref.get("slug").asText().equals("desk-break") ? "1x3x3" : "1x5x3");
        }
        assertValid(clocks.value());

        JsonNode band = JSON.readTree(
                recordsFor("6f1c2a10-0004-4c1e-9a01-0a0b0c0d0e04").get(0).value());
        assertThat(band.findValuesAsText("slug")).doesNotContain("desk-break");

        ConsumerRecord<String, String> walk =
                recordsFor("6f1c2a10-0007-4c1e-9a01-0a0b0c0d0e07").get(0);
        JsonNode walkSnapshot = JSON.readTree(walk.value());
        assertThat(walkSnapshot.get("kind").asText()).isEqualTo("movement-break");
        assertThat(walkSnapshot.get("programs")).isEmpty(); // a fallback, in no desk-break program
        assertValid(walk.value());
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsFor(key).size() >= count);
        return recordsFor(key);
    }

    private List<ConsumerRecord<String, String>> recordsFor(String key) {
        Predicate<ConsumerRecord<String, String>> sameKey = r -> key.equals(r.key());
        return topic.getRecords().stream().filter(sameKey).toList();
    }

    private static void assertValid(String payload) throws Exception {
        Set<ValidationMessage> errors = SCHEMA.validate(JSON.readTree(payload));
        assertThat(errors).as(payload).isEmpty();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The schema kept in the shared events module, read from the source tree this build runs in. */
    private static JsonSchema schema() {
        try {
            String text =
                    Files.readString(Path.of("../events/src/main/resources/schemas/limber.exercise.published.v1.json"));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
