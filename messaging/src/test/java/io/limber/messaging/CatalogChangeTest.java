package io.limber.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.limber.events.catalog.ExercisePublished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule by which every catalog consumer reads limber.catalog.exercises.v1. */
class CatalogChangeTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final UUID id = UUID.randomUUID();

    @Test
    void aTombstoneRetiresTheExerciseOfItsKey() throws Exception {
        CatalogChange change = CatalogChange.of(record(id.toString(), null, null), mapper);

        assertThat(change).isEqualTo(new CatalogChange.Retired(id));
    }

    @Test
    void aCompleteSnapshotIsPublishedWithItsEventHeaders() throws Exception {
        CatalogChange change = CatalogChange.of(
                record(id.toString(), "limber.exercise.published", snapshot(id).toString()), mapper);

        assertThat(change).isInstanceOf(CatalogChange.Published.class);
        CatalogChange.Published published = (CatalogChange.Published) change;
        assertThat(published.exercise().slug()).isEqualTo("thoracic-extension");
        assertThat(published.event().requireId()).isEqualTo("event-1");
    }

    @Test
    void anotherEventTypeIsPassedOverUnread() throws Exception {
        CatalogChange change = CatalogChange.of(record(id.toString(), "limber.exercise.renamed", "not json"), mapper);

        assertThat(change).isInstanceOf(CatalogChange.Other.class);
    }

    @Test
    void eachChangeAppliesToACopyOfTheCatalogByTheOneRule() throws Exception {
        List<String> calls = new ArrayList<>();
        CatalogCopy copy = new CatalogCopy() {
            @Override
            public void keep(ExercisePublished exercise) {
                calls.add("keep " + exercise.slug());
            }

            @Override
            public void retire(UUID exerciseId) {
                calls.add("retire " + exerciseId);
            }
        };
        CatalogChange.of(
                        record(
                                id.toString(),
                                "limber.exercise.published",
                                snapshot(id).toString()),
                        mapper)
                .applyTo(copy);
        CatalogChange.of(record(id.toString(), "limber.exercise.renamed", "not json"), mapper)
                .applyTo(copy);
        CatalogChange.of(record(id.toString(), null, null), mapper).applyTo(copy);

        assertThat(calls).containsExactly("keep thoracic-extension", "retire " + id);
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"slug", "name", "kind", "defaultDosage"})
    void aSnapshotLackingWhatAReadModelNeedsIsRefused(String field) {
        ObjectNode body = snapshot(id);
        body.remove(field);

        assertThatThrownBy(() ->
                        CatalogChange.of(record(id.toString(), "limber.exercise.published", body.toString()), mapper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a complete snapshot");
    }

    @Test
    void aSnapshotOfAnotherExerciseThanItsKeyIsRefused() {
        String body = snapshot(UUID.randomUUID()).toString();

        assertThatThrownBy(() -> CatalogChange.of(record(id.toString(), "limber.exercise.published", body), mapper))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordWithoutAnExerciseIdKeyIsRefused() {
        assertThatThrownBy(() -> CatalogChange.of(record(null, null, null), mapper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key");
        assertThatThrownBy(() -> CatalogChange.of(record("not-a-uuid", null, null), mapper))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ObjectNode snapshot(UUID exercise) {
        ObjectNode body = mapper.createObjectNode()
                .put("id", exercise.toString())
                .put("slug", "thoracic-extension")
                .put("revision", 1)
                .put("name", "Thoracic extension")
                .put("kind", "stretch");
        body.putObject("defaultDosage").put("sets", 2).put("reps", 10);
        return body;
    }

    private static ConsumerRecord<String, String> record(String key, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("limber.catalog.exercises.v1", 0, 0, key, value);
        record.headers().add("ce_id", "event-1".getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
