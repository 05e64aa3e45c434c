package io.limber.reminder.service;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.catalog.ExercisePublished;
import io.limber.events.session.ToleranceReported;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.Window;
import io.limber.reminder.repository.ExerciseSafetyRepository;
import io.limber.reminder.support.Catalog;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.limber.reminder.support.PromptTopic;
import io.limber.reminder.support.SafetyEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

/**
 * A member's safety state from limber.sessions.v1, as prompts show it: a stopped exercise is never
 * suggested until it is cleared, a movement break stands in where nothing else fits, a paused
 * member gets no prompt at all, and gentle mode follows each exercise.
 */
@QuarkusTest
class SafetyTest {

    private static final List<String> SEED_EQUIPMENT =
            List.of("yoga-mat", "pillow", "chair", "wall", "resistance-band", "door-anchor");
    private static final List<Set<String>> POSITION_SETS = List.of(
            Set.of("seated"),
            Set.of("standing"),
            Set.of("lying"),
            Set.of("seated", "standing"),
            Set.of("seated", "lying"),
            Set.of("standing", "lying"),
            Set.of("seated", "standing", "lying"));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    ExerciseSafetyRepository safety;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private PromptTopic topic;
    private Db db;
    private Members members;
    private SafetyEvents events;
    private Catalog catalog;
    private String run;

    /**
     * Each test publishes the catalog entries it needs under its own slugs; the read model is
     * shared with the other tests of this JVM, so expectations are worked out from what it holds.
     */
    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        topic = new PromptTopic(kafka);
        db = new Db(dataSource);
        members = new Members(db);
        events = new SafetyEvents(kafka);
        catalog = new Catalog(kafka, db);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void disconnect() {
        topic.close();
        kafka.close();
    }

    /** (a) Every equipment set the seed allows, none included, in every position set. */
    @Test
    void aStoppedExerciseIsNeverSuggestedAndAMovementBreakStandsInWhereNothingElseFits() throws Exception {
        // A catalog shaped like content-service's seed.
        ExercisePublished clocks =
                Catalog.exercise("scapular-clocks-" + run, "mobility", "standing", List.of(), true, 1);
        catalog.publishAndWait(
                Catalog.exercise("standing-chest-stretch-" + run, "stretch", "standing", List.of("wall"), true, 1),
                Catalog.exercise("seated-cat-cow-" + run, "stretch", "seated", List.of("chair"), true, 1),
                clocks,
                Catalog.exercise(
                        "band-row-" + run,
                        "strengthen",
                        "standing",
                        List.of("resistance-band", "door-anchor"),
                        false,
                        1),
                Catalog.exercise("open-book-" + run, "stretch", "lying", List.of("yoga-mat", "pillow"), false, 1),
                Catalog.movementBreak("stand-up-and-walk-" + run, "standing"),
                Catalog.movementBreak("look-away-and-roll-the-shoulders-" + run, "seated"),
                Catalog.movementBreak("stand-and-reach-" + run, "standing"));
        Map<String, Preferences> burst = new HashMap<>();
        for (int mask = 0; mask < 1 << SEED_EQUIPMENT.size(); mask++) {
            Set<String> equipment = new HashSet<>();
            for (int i = 0; i < SEED_EQUIPMENT.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    equipment.add(SEED_EQUIPMENT.get(i));
                }
            }
            for (Set<String> positions : POSITION_SETS) {
                burst.put(Members.newId(), prefs(equipment, positions));
            }
        }
        List<String> ids = List.copyOf(burst.keySet());
        db.batch(
                "INSERT INTO reminder_preferences (member_id, settings, updated_at) VALUES (?, ?::jsonb, now())",
                ids.stream().map(m -> new Object[] {m, json(burst.get(m))}).toList());
        Timestamp future = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        db.batch(
                "INSERT INTO prompt_schedule (member_id, next_due_at, updated_at) VALUES (?, ?, now())",
                ids.stream().map(m -> new Object[] {m, future}).toList());

        // Each of them stopped scapular clocks, the one desk break that needs nothing but standing.
        List<ProducerRecord<String, String>> stops = ids.stream()
                .map(m -> CloudEvents.record(
                        Topic.SESSIONS.name(),
                        m,
                        EventTypes.TOLERANCE_REPORTED,
                        UUID.randomUUID().toString(),
                        CloudEvents.json(SafetyEvents.stopReport(m, clocks.id()))))
                .toList();
        kafka.produceStrings().fromRecords(stops).awaitCompletion();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> db.one(
                                "SELECT count(*) FROM member_exercise_safety WHERE member_id = ANY (?) AND exercise_id = ? AND stopped",
                                Long.class,
                                array(ids),
                                clocks.id())
                        == ids.size());

        db.update("UPDATE prompt_schedule SET next_due_at = now() WHERE member_id = ANY (?)", array(ids));
        List<ConsumerRecord<String, String>> records =
                topic.awaitRecords(ids, EventTypes.PROMPT_DUE, ids.size(), Duration.ofSeconds(120));

        List<Row> rows = catalogRows();
        Map<String, JsonNode> suggestions = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            suggestions.put(r.key(), CloudEvents.JSON.readTree(r.value()).get("suggestion"));
        }
        PromptTopic.assertMatchesSchema(
                "limber.prompt.due.v1.json", records.get(0).value());
        int deskBreaks = 0;
        int movementBreaks = 0;
        int none = 0;
        for (String member : ids) {
            Preferences prefs = burst.get(member);
            JsonNode suggestion = suggestions.get(member);
            // The stop keeps them gentle.
            Set<UUID> deskBreakFits = fitting(rows, prefs, r -> r.deskBreak, Set.of(clocks.id()), true);
            Set<UUID> movementBreakFits =
                    fitting(rows, prefs, r -> "movement-break".equals(r.kind), Set.of(clocks.id()), true);
            String who = prefs.equipment() + " " + prefs.positions();
            if (suggestion == null || suggestion.isNull()) {
                assertThat(deskBreakFits).as(who).isEmpty();
                assertThat(movementBreakFits).as(who).isEmpty();
                none++;
                continue;
            }
            UUID suggested = UUID.fromString(suggestion.get("exerciseId").asText());
            assertThat(suggested).as(who).isNotEqualTo(clocks.id());
            if (deskBreakFits.isEmpty()) {
                assertThat(movementBreakFits).as(who).contains(suggested);
                movementBreaks++;
            } else {
                assertThat(deskBreakFits).as(who).contains(suggested);
                deskBreaks++;
            }
        }
        System.out.printf(
                "[safety] %d prompts: %d desk breaks, %d movement breaks, %d without a suggestion%n",
                ids.size(), deskBreaks, movementBreaks, none);
        assertThat(deskBreaks).isPositive();
        assertThat(movementBreaks).isPositive();
        assertThat(none).isPositive(); // lying only, without a mat: nothing fits, and nothing is guessed
        String standingWithNothing = ids.stream()
                .filter(m -> burst.get(m).equipment().isEmpty()
                        && burst.get(m).positions().equals(Set.of("standing")))
                .findFirst()
                .orElseThrow();
        assertThat(kindOf(suggestions.get(standingWithNothing)))
                .as("the stopped scapular clocks was the only gentle desk break for standing with nothing")
                .isEqualTo("movement-break");
    }

    /** (b) Only a clearance lifts a stop, and the exercise comes back at the dose it gives. */
    @Test
    void afterAClearanceTheExerciseIsSuggestedAgainAtTheClearedDose() {
        ExercisePublished floorReach =
                Catalog.exercise("floor-reach-" + run, "stretch", "lying", List.of("yoga-mat"), true, 1);
        catalog.publishAndWait(floorReach, Catalog.movementBreak("shoulder-rolls-" + run, "seated"));
        String member = Members.newId();
        Map<String, Object> prefs = new HashMap<>(Members.alwaysWorking(60));
        prefs.put("equipment", List.of("yoga-mat"));
        prefs.put("positions", List.of("lying", "seated"));
        members.put(member, prefs);
        Preferences stored = prefs(Set.of("yoga-mat"), Set.of("lying", "seated"));
        assertThat(fitting(catalogRows(), stored, r -> r.deskBreak, Set.of(), false))
                .as("the only desk break this member can do (else this test needs other equipment)")
                .containsExactly(floorReach.id());

        events.report(SafetyEvents.stopReport(member, floorReach.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> stopped(member, floorReach.id()));
        JsonNode first = nextPrompt(member, 1);
        assertThat(kindOf(first)).as("a seated movement break stands in").isEqualTo("movement-break");
        // A later good report on the stopped exercise does not lift the stop.
        events.report(SafetyEvents.report(
                member,
                floorReach.id(),
                "sweet-spot",
                new ToleranceReported.Recommendation(3, 12, 5),
                "stopped",
                false,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sweet-spot"
                        .equals(db.one(
                                "SELECT zone FROM member_exercise_safety WHERE member_id = ?", String.class, member)));
        assertThat(kindOf(nextPrompt(member, 2))).isEqualTo("movement-break");

        events.send(
                member,
                EventTypes.EXERCISE_CLEARED,
                SafetyEvents.cleared(
                        member, floorReach.id(), new ToleranceReported.Recommendation(1, 4, 2), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !stopped(member, floorReach.id()));

        // The cleared 1 x 4 lowers the desk-break dose (1 x 6); its 2 s hold does not add one to an
        // exercise the prompt holds for no time: a prompt's dose is never raised.
        JsonNode cleared = nextPrompt(member, 3);
        assertThat(cleared.get("exerciseId").asText()).isEqualTo(floorReach.id().toString());
        assertThat(cleared.get("sets").asInt()).isEqualTo(1);
        assertThat(cleared.get("reps").asInt()).isEqualTo(4);
        assertThat(cleared.path("holdSeconds").isNumber()).as("no hold").isFalse();
    }

    /** (c) A raised flag with memberPaused: nothing at all is sent to the member, a snoozed prompt neither. */
    @Test
    void aPausedMemberGetsNoPromptUntilTheFlagIsResolved() {
        String paused = Members.newId();
        Map<String, Object> prefs = new HashMap<>(Members.alwaysWorking(60));
        prefs.put("channels", List.of("push", "webhook"));
        prefs.put("webhook", Map.of("url", "http://127.0.0.1:9/hooks/limber", "secret", secret()));
        members.put(paused, prefs);
        members.dueAt(paused, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> members.promptCount(paused) == 1);
        UUID prompt = db.one("SELECT id FROM prompt WHERE member_id = ?", UUID.class, paused);
        given().auth()
                .oauth2(Members.token(paused))
                .contentType("application/json")
                .body(Map.of("minutes", 5))
                .post("/api/v1/me/prompts/" + prompt + "/snooze")
                .then()
                .statusCode(200);

        events.send(
                paused, EventTypes.SAFETY_FLAG_RAISED, SafetyEvents.raised(paused, UUID.randomUUID(), "urgent", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> safetyPaused(paused));
        given().auth()
                .oauth2(Members.token(paused))
                .get("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(200)
                .body("nextPromptAt", nullValue());

        // Its snoozed prompt falls due, and a minute later another member's prompt does.
        members.dueAt(paused, Instant.now().minus(Duration.ofMinutes(1)));
        String other = Members.newId();
        members.put(other, Members.alwaysWorking(60));
        members.dueAt(other, Instant.now());
        topic.awaitRecords(List.of(other), EventTypes.PROMPT_DUE, 1, Duration.ofSeconds(30));

        assertThat(members.promptCount(paused)).isEqualTo(1);
        assertThat(db.one("SELECT status FROM prompt WHERE member_id = ?", String.class, paused))
                .isEqualTo("snoozed");
        assertThat(topic.recordsFor(List.of(paused), EventTypes.PROMPT_DUE)).hasSize(1); // the first, before the flag
        assertThat(db.one("SELECT count(*) FROM webhook_delivery WHERE member_id = ?", Long.class, paused))
                .isEqualTo(1);

        Instant resolvedAt = Instant.now();
        events.send(
                paused,
                EventTypes.SAFETY_FLAG_RESOLVED,
                SafetyEvents.resolved(paused, UUID.randomUUID(), false, resolvedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> !safetyPaused(paused));
        assertThat(members.nextDueAt(paused))
                .as("planned afresh from the resolution, one interval on")
                .isAfter(resolvedAt.plus(Duration.ofMinutes(59)))
                .isBefore(Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(db.one("SELECT snoozed_prompt_id FROM prompt_schedule WHERE member_id = ?", UUID.class, paused))
                .isNull();

        members.dueAt(paused, Instant.now());
        topic.awaitRecords(List.of(paused), EventTypes.PROMPT_DUE, 2, Duration.ofSeconds(30));
        assertThat(members.promptCount(paused)).isEqualTo(2);
    }

    /** (c) An urgent report pauses by itself; a resolution while another urgent flag is open does not end it. */
    @Test
    void anUrgentReportPausesTheMemberUntilNoUrgentFlagIsOpen() {
        String paused = Members.newId();
        members.put(paused, Members.alwaysWorking(60));
        UUID exercise = UUID.randomUUID();
        // As an older producer wrote it: urgent, without the memberPaused field.
        events.report(SafetyEvents.report(paused, exercise, "urgent", null, null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> safetyPaused(paused));
        assertThat(stopped(paused, exercise)).isTrue();

        events.send(
                paused,
                EventTypes.SAFETY_FLAG_RESOLVED,
                SafetyEvents.resolved(paused, exercise, true, Instant.now())); // another flag still open
        members.dueAt(paused, Instant.now().minus(Duration.ofMinutes(1)));
        String other = Members.newId();
        members.put(other, Members.alwaysWorking(60));
        members.dueAt(other, Instant.now());
        topic.awaitRecords(List.of(other), EventTypes.PROMPT_DUE, 1, Duration.ofSeconds(30));
        assertThat(members.promptCount(paused)).isZero();
        assertThat(topic.recordsFor(List.of(paused), EventTypes.PROMPT_DUE)).isEmpty();
        assertThat(safetyPaused(paused)).isTrue();

        events.send(
                paused, EventTypes.SAFETY_FLAG_RESOLVED, SafetyEvents.resolved(paused, exercise, false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !safetyPaused(paused));
        members.dueAt(paused, Instant.now());
        topic.awaitRecords(List.of(paused), EventTypes.PROMPT_DUE, 1, Duration.ofSeconds(30));
        assertThat(stopped(paused, exercise))
                .as("resolving a flag does not clear the exercise")
                .isTrue();
    }

    /** A snoozed prompt comes again with the same id, but never naming an exercise stopped since. */
    @Test
    void aSnoozedPromptWhoseExerciseWasStoppedSinceComesAgainWithAnotherSuggestion() {
        ExercisePublished pillowReach =
                Catalog.exercise("pillow-reach-" + run, "stretch", "lying", List.of("pillow"), true, 1);
        catalog.publishAndWait(pillowReach, Catalog.movementBreak("shoulder-rolls-" + run, "seated"));
        String member = Members.newId();
        Map<String, Object> prefs = new HashMap<>(Members.alwaysWorking(60));
        prefs.put("equipment", List.of("pillow"));
        prefs.put("positions", List.of("lying", "seated"));
        members.put(member, prefs);
        assertThat(fitting(
                        catalogRows(),
                        prefs(Set.of("pillow"), Set.of("lying", "seated")),
                        r -> r.deskBreak,
                        Set.of(),
                        false))
                .as("the only desk break this member can do")
                .containsExactly(pillowReach.id());

        JsonNode first = nextPrompt(member, 1);
        assertThat(first.get("exerciseId").asText()).isEqualTo(pillowReach.id().toString());
        UUID prompt = db.one("SELECT id FROM prompt WHERE member_id = ?", UUID.class, member);
        given().auth()
                .oauth2(Members.token(member))
                .contentType("application/json")
                .body(Map.of("minutes", 5))
                .post("/api/v1/me/prompts/" + prompt + "/snooze")
                .then()
                .statusCode(200);
        events.report(SafetyEvents.stopReport(member, pillowReach.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> stopped(member, pillowReach.id()));

        members.dueAt(member, Instant.now());
        List<ConsumerRecord<String, String>> records =
                topic.awaitRecords(List.of(member), EventTypes.PROMPT_DUE, 2, Duration.ofSeconds(30));
        JsonNode again = readTree(records.get(1).value());
        assertThat(again.get("promptId").asText()).isEqualTo(prompt.toString());
        assertThat(kindOf(again.get("suggestion"))).isEqualTo("movement-break");
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(200)
                .body(
                        "[0].suggestion.exerciseId",
                        org.hamcrest.Matchers.not(pillowReach.id().toString()));
        assertThat(members.promptCount(member)).isEqualTo(1);
    }

    /** (d) Gentle mode follows each exercise: a good report on another one does not end it. */
    @Test
    void aHoldOnAnotherExerciseAfterAScaleBackKeepsPromptsGentle() {
        String member = Members.newId();
        Map<String, Object> prefs = new HashMap<>(Members.alwaysWorking(60));
        prefs.put("equipment", List.of("chair"));
        prefs.put("positions", List.of("seated"));
        members.put(member, prefs);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        catalog.publishAndWait(
                Catalog.exercise("chair-press-" + run, "strengthen", "seated", List.of("chair"), true, 1),
                Catalog.exercise("chair-twist-" + run, "stretch", "seated", List.of("chair"), true, 1));

        events.report(SafetyEvents.report(
                member,
                a,
                "scale-back",
                new ToleranceReported.Recommendation(1, 6, null),
                "active",
                false,
                Instant.now()));
        events.report(SafetyEvents.report(
                member, b, "hold", new ToleranceReported.Recommendation(2, 10, null), "active", false, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.one("SELECT count(*) FROM member_exercise_safety WHERE member_id = ?", Long.class, member)
                                == 2);
        assertThat(state(member).gentle()).isTrue();

        for (int i = 1; i <= 4; i++) {
            JsonNode suggestion = nextPrompt(member, i);
            assertThat(kindOf(suggestion)).isNotEqualTo("strengthen");
        }

        // Only a later report on the exercise that scaled back ends it.
        events.report(SafetyEvents.report(
                member, a, "hold", new ToleranceReported.Recommendation(1, 6, null), "active", false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !state(member).gentle());
    }

    private SafetyState state(String member) {
        return QuarkusTransaction.requiringNew().call(() -> safety.forMember(member));
    }

    /** Makes the member's next prompt due now and waits for prompt number {@code n}: its suggestion. */
    private JsonNode nextPrompt(String member, int n) {
        members.dueAt(member, Instant.now());
        List<ConsumerRecord<String, String>> records =
                topic.awaitRecords(List.of(member), EventTypes.PROMPT_DUE, n, Duration.ofSeconds(30));
        return readTree(records.get(n - 1).value()).get("suggestion");
    }

    private static JsonNode readTree(String json) {
        try {
            return CloudEvents.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String kindOf(JsonNode suggestion) {
        assertThat(suggestion).isNotNull();
        return db.one(
                "SELECT kind FROM catalog_exercise WHERE id = ?::uuid",
                String.class,
                suggestion.get("exerciseId").asText());
    }

    private boolean stopped(String member, UUID exercise) {
        return Boolean.TRUE.equals(db.one(
                "SELECT stopped FROM member_exercise_safety WHERE member_id = ? AND exercise_id = ?",
                Boolean.class,
                member,
                exercise));
    }

    private boolean safetyPaused(String member) {
        return Boolean.TRUE.equals(
                db.one("SELECT safety_paused FROM prompt_schedule WHERE member_id = ?", Boolean.class, member));
    }

    /** A catalog row as the read model holds it. */
    private record Row(UUID id, String kind, String position, Set<String> equipment, boolean deskBreak) {}

    private List<Row> catalogRows() {
        List<Row> rows = new ArrayList<>();
        for (String line : db.list(
                "SELECT id || '|' || kind || '|' || coalesce(position, '') || '|' || equipment || '|' || desk_break FROM catalog_exercise",
                String.class)) {
            String[] f = line.split("\\|", -1);
            rows.add(new Row(
                    UUID.fromString(f[0]),
                    f[1],
                    f[2].isEmpty() ? null : f[2],
                    f[3].isEmpty() ? Set.of() : Set.of(f[3].split(",")),
                    "true".equals(f[4])));
        }
        return rows;
    }

    /**
     * What the member may be suggested among the rows, stated here from the issue rather than
     * read from the picker: it fits their equipment and positions, is not stopped for them, and
     * is of a gentle kind while they should go gently.
     */
    private static Set<UUID> fitting(
            List<Row> rows,
            Preferences prefs,
            java.util.function.Predicate<Row> among,
            Set<UUID> stopped,
            boolean gentle) {
        return rows.stream()
                .filter(among)
                .filter(r -> prefs.equipment().containsAll(r.equipment()))
                .filter(r -> r.position() == null || prefs.positions().contains(r.position()))
                .filter(r -> !stopped.contains(r.id()))
                .filter(r -> !gentle
                        || Set.of("stretch", "mobility", "movement-break").contains(r.kind()))
                .map(Row::id)
                .collect(Collectors.toSet());
    }

    private static Preferences prefs(Set<String> equipment, Set<String> positions) {
        return new Preferences(
                "UTC",
                EnumSet.allOf(DayOfWeek.class),
                List.of(Window.parse("00:00", "24:00")),
                60,
                List.of(),
                null,
                100,
                equipment,
                positions,
                Set.of("push"),
                null,
                true);
    }

    private String json(Preferences prefs) {
        try {
            return mapper.writeValueAsString(prefs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static Object array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
