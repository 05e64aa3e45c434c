package io.limber.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.catalog.ExercisePublished;
import io.limber.events.prompt.PromptDue;
import io.limber.events.session.ToleranceReported;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.repository.CatalogRepository;
import io.limber.reminder.repository.DosageRepository;
import io.limber.reminder.support.Catalog;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a prompt suggests, from the catalog read model built off limber.catalog.exercises.v1. */
@QuarkusTest
class SuggestionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SuggestionPicker picker;

    @Inject
    CatalogRepository catalogRepository;

    @Inject
    DosageRepository dosages;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private Db db;
    private Members members;
    private Catalog catalog;
    private ExercisePublished chairStretch;

    @BeforeEach
    void seedTheCatalog() {
        kafka = new KafkaCompanion(bootstrapServers);
        db = new Db(dataSource);
        members = new Members(db);
        catalog = new Catalog(kafka, db);
        String run = UUID.randomUUID().toString().substring(0, 8);
        chairStretch = Catalog.exercise("seated-cat-cow-" + run, "stretch", "seated", List.of("chair"), true, 1);
        catalog.publishAndWait(
                Catalog.exercise(
                        "band-row-" + run,
                        "strengthen",
                        "standing",
                        List.of("resistance-band", "door-anchor"),
                        true,
                        1),
                chairStretch,
                Catalog.exercise("chest-stretch-" + run, "stretch", "standing", List.of("wall"), true, 1),
                Catalog.exercise("scapular-clocks-" + run, "strengthen", "standing", List.of(), true, 1),
                Catalog.exercise("open-book-" + run, "stretch", "lying", List.of("yoga-mat"), false, 1),
                Catalog.movementBreak("stand-and-reach-" + run, "standing"));
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void suggestionsFitTheMembersEquipmentAndPositionAlternateWithMovementBreaksAndNeverRepeatTwiceInARow() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(60)); // default equipment: chair and wall

        List<String> suggested = promptsFor(member, 4);

        List<Boolean> movementBreaks = new java.util.ArrayList<>();
        for (String id : suggested) {
            boolean movementBreak = "movement-break"
                    .equals(db.one("SELECT kind FROM catalog_exercise WHERE id = ?::uuid", String.class, id));
            movementBreaks.add(movementBreak);
            if (!movementBreak) {
                assertThat(db.one("SELECT desk_break FROM catalog_exercise WHERE id = ?::uuid", Boolean.class, id))
                        .isTrue();
            }
            String equipment = db.one("SELECT equipment FROM catalog_exercise WHERE id = ?::uuid", String.class, id);
            assertThat(equipment.isEmpty() ? Set.of() : Set.of(equipment.split(",")))
                    .as("a member without a band is never sent a band exercise")
                    .isSubsetOf("chair", "wall");
        }
        assertThat(movementBreaks)
                .as("an exercise first, then a movement break, in turn")
                .containsExactly(false, true, false, true);
        for (int i = 1; i < suggested.size(); i++) {
            assertThat(suggested.get(i)).isNotEqualTo(suggested.get(i - 1));
        }
    }

    @Test
    void afterAScaleBackReportOnlyGentlerMovesAreSuggested() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(60));
        CloudEvents.send(
                kafka,
                Topic.SESSIONS.name(),
                member,
                EventTypes.TOLERANCE_REPORTED,
                tolerance(member, "scale-back", UUID.randomUUID(), null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "scale-back"
                        .equals(db.one(
                                "SELECT zone FROM member_exercise_safety WHERE member_id = ?", String.class, member)));

        for (String id : promptsFor(member, 3)) {
            assertThat(db.one("SELECT kind FROM catalog_exercise WHERE id = ?::uuid", String.class, id))
                    .isNotEqualTo("strengthen");
        }
    }

    /** The desk-break item's dose (1 x 6 here, the default is 2 x 10), lowered but never raised by the member's. */
    @Test
    void theDoseIsTheDeskBreakItemsLoweredButNeverRaisedByTheMembersRecommendation() {
        String member = Members.newId();
        CloudEvents.send(
                kafka,
                Topic.SESSIONS.name(),
                member,
                EventTypes.TOLERANCE_REPORTED,
                tolerance(member, "sweet-spot", chairStretch.id(), new ToleranceReported.Recommendation(3, 12, null)));
        String scaledBack = Members.newId();
        CloudEvents.send(
                kafka,
                Topic.SESSIONS.name(),
                scaledBack,
                EventTypes.TOLERANCE_REPORTED,
                tolerance(
                        scaledBack, "scale-back", chairStretch.id(), new ToleranceReported.Recommendation(1, 4, null)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.one(
                                "SELECT count(*) FROM member_dosage WHERE member_id IN (?, ?)",
                                Long.class,
                                member,
                                scaledBack)
                        == 2);
        PromptDue.Suggestion lowered = QuarkusTransaction.requiringNew()
                .call(() -> picker.pick(
                                Preferences.defaults(),
                                SafetyState.NONE,
                                SuggestionPicker.Recent.NONE,
                                List.of(catalogRepository.findById(chairStretch.id())),
                                dosages.forMembers(List.of(scaledBack)).getOrDefault(scaledBack, Map.of()))
                        .suggestion());

        PromptDue.Suggestion mine = QuarkusTransaction.requiringNew()
                .call(() -> picker.pick(
                                Preferences.defaults(),
                                SafetyState.NONE,
                                SuggestionPicker.Recent.NONE,
                                List.of(catalogRepository.findById(chairStretch.id())),
                                dosages.forMembers(List.of(member)).getOrDefault(member, Map.of()))
                        .suggestion());
        String someoneElse = Members.newId();
        PromptDue.Suggestion someoneElses = QuarkusTransaction.requiringNew()
                .call(() -> picker.pick(
                                Preferences.defaults(),
                                SafetyState.NONE,
                                SuggestionPicker.Recent.NONE,
                                List.of(catalogRepository.findById(chairStretch.id())),
                                dosages.forMembers(List.of(someoneElse)).getOrDefault(someoneElse, Map.of()))
                        .suggestion());

        assertThat(mine).extracting("sets", "reps").containsExactly(1, 6); // a session's 3 x 12 is no desk break
        assertThat(lowered).extracting("sets", "reps").containsExactly(1, 4);
        assertThat(someoneElses).extracting("sets", "reps").containsExactly(1, 6); // the desk-break item's dose
    }

    @Test
    void aRetiredExerciseLeavesTheReadModel() {
        ExercisePublished retiring =
                Catalog.exercise("retiring-" + UUID.randomUUID(), "stretch", "seated", List.of(), true, 1);
        catalog.publishAndWait(retiring);
        ExercisePublished revised = Catalog.exercise(retiring.slug(), "stretch", "seated", List.of("chair"), true, 2);
        revised = withId(revised, retiring.id());
        catalog.publishAndWait(revised);
        assertThat(db.one("SELECT equipment FROM catalog_exercise WHERE id = ?", String.class, retiring.id()))
                .isEqualTo("chair");

        CloudEvents.send(
                kafka,
                CloudEvents.record(
                        Topic.CATALOG_EXERCISES.name(),
                        retiring.id().toString(),
                        null,
                        Map.of(
                                "ce_specversion",
                                "1.0",
                                "ce_id",
                                UUID.randomUUID().toString(),
                                "ce_type",
                                EventTypes.EXERCISE_PUBLISHED)));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.one("SELECT count(*) FROM catalog_exercise WHERE id = ?", Long.class, retiring.id()) == 0);
    }

    /** Sends the member {@code count} prompts one after another; the exercise ids suggested, in order. */
    private List<String> promptsFor(String member, int count) {
        List<String> suggested = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.dueAt(member, Instant.now());
            int expected = i;
            await().atMost(Duration.ofSeconds(20)).until(() -> members.promptCount(member) == expected);
        }
        List<String> newestFirst = given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("suggestion.exerciseId", String.class);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            suggested.add(newestFirst.get(i));
        }
        assertThat(suggested).hasSize(count).doesNotContainNull();
        return suggested;
    }

    private static ExercisePublished withId(ExercisePublished e, UUID id) {
        return new ExercisePublished(
                id,
                e.slug(),
                e.revision(),
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
                e.programs(),
                e.disclaimer(),
                e.publishedAt());
    }

    private static ToleranceReported tolerance(
            String member, String zone, UUID exerciseId, ToleranceReported.Recommendation recommendation) {
        return new ToleranceReported(
                UUID.randomUUID(),
                member,
                exerciseId,
                UUID.randomUUID(),
                2,
                6,
                5,
                null,
                zone,
                recommendation,
                "test",
                Instant.now());
    }
}
