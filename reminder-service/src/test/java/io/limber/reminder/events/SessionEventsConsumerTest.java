package io.limber.reminder.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.events.Topic;
import io.limber.events.session.MemberErased;
import io.limber.events.session.SessionCompleted;
import io.limber.events.session.ToleranceReported;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.limber.reminder.support.SafetyEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** limber.sessions.v1 as session-service publishes it, consumed over the real broker. */
@QuarkusTest
class SessionEventsConsumerTest {

    private static final String DLQ = "limber.sessions.v1.reminder-service.dlq";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private Db db;
    private Members members;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        db = new Db(dataSource);
        members = new Members(db);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aCompletedSessionPushesTheNextPromptAFullIntervalOut() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(30));
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        members.dueAt(member, soon);
        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        CloudEvents.send(kafka, Topic.SESSIONS.name(), member, EventTypes.SESSION_COMPLETED, session(member, ended));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !members.nextDueAt(member).equals(soon));
        assertThat(members.nextDueAt(member)).isEqualTo(ended.plus(Duration.ofMinutes(30)));
        assertThat(members.promptCount(member)).isZero();
    }

    /** Prompts are opt-in: sessions of a member who never saved preferences only count as breaks. */
    @Test
    void aMemberWhoNeverOptedInGetsNoScheduleAndNoPromptFromTheirSessions() {
        String member = Members.newId();
        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        CloudEvents.send(kafka, Topic.SESSIONS.name(), member, EventTypes.SESSION_COMPLETED, session(member, ended));
        String report = CloudEvents.send(
                kafka, Topic.SESSIONS.name(), member, EventTypes.TOLERANCE_REPORTED, tolerance(member, "sweet-spot"));

        // The report came after the session on the member's partition: once it is applied, both were.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.one("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, report) == 1);
        assertThat(db.one("SELECT count(*) FROM prompt_schedule WHERE member_id = ?", Long.class, member))
                .isZero();
        assertThat(members.promptCount(member)).isZero();
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("customised", equalTo(false))
                .body("nextPromptAt", equalTo(null));
    }

    /** A safety pause holds for a member who opts in later: their row keeps it and plans nothing. */
    @Test
    void anUrgentReportBeforeOptingInKeepsTheMemberPausedOnceTheyOptIn() {
        String member = Members.newId();
        CloudEvents.send(
                kafka,
                Topic.SESSIONS.name(),
                member,
                EventTypes.TOLERANCE_REPORTED,
                tolerance(member, "urgent", UUID.randomUUID(), null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(db.one(
                        "SELECT safety_paused FROM prompt_schedule WHERE member_id = ?", Boolean.class, member)));
        assertThat(members.nextDueAt(member)).isNull();

        members.put(member, Members.alwaysWorking(30));

        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/reminder-preferences")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("nextPromptAt", equalTo(null));
    }

    @Test
    void aRedeliveredEventIsAppliedOnlyOnce() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(30));
        members.dueAt(member, Instant.now().plus(Duration.ofMinutes(5)));
        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> completed = CloudEvents.record(
                Topic.SESSIONS.name(),
                member,
                EventTypes.SESSION_COMPLETED,
                id,
                CloudEvents.json(session(member, ended)));
        CloudEvents.send(kafka, completed);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> members.nextDueAt(member).equals(ended.plus(Duration.ofMinutes(30))));

        Instant moved = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);
        members.dueAt(member, moved);
        CloudEvents.send(kafka, completed); // the same CloudEvents id again
        CloudEvents.send(
                kafka, Topic.SESSIONS.name(), member, EventTypes.TOLERANCE_REPORTED, tolerance(member, "hold"));
        // The later event on the same partition was applied, so the duplicate before it was seen and skipped.
        await().atMost(Duration.ofSeconds(30)).until(() -> "hold".equals(zoneOf(member)) && toleranceSeen(member));
        assertThat(members.nextDueAt(member)).isEqualTo(moved);
        assertThat(db.one("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndDoesNotBlockThePartition() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(30));
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        members.dueAt(member, soon);
        String poisonId = UUID.randomUUID().toString();
        String nobodyId = UUID.randomUUID().toString();

        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(DLQ)) {
            CloudEvents.send(
                    kafka,
                    CloudEvents.record(
                            Topic.SESSIONS.name(),
                            member,
                            EventTypes.SESSION_COMPLETED,
                            poisonId,
                            "{\"sessionId\": not json"));
            CloudEvents.send(
                    kafka,
                    CloudEvents.record(
                            Topic.SESSIONS.name(),
                            member,
                            EventTypes.MEMBER_ERASED,
                            nobodyId,
                            CloudEvents.json(Map.of("erasedAt", Instant.now().toString()))));
            Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            CloudEvents.send(
                    kafka, Topic.SESSIONS.name(), member, EventTypes.SESSION_COMPLETED, session(member, ended));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> members.nextDueAt(member).equals(ended.plus(Duration.ofMinutes(30))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.getRecords().stream()
                                    .filter(r -> member.equals(r.key()))
                                    .count()
                            == 2);
            List<ConsumerRecord<String, String>> dead = dlq.getRecords().stream()
                    .filter(r -> member.equals(r.key()))
                    .toList();
            assertThat(dead).extracting(r -> CloudEvents.header(r, "ce_id")).containsExactly(poisonId, nobodyId);
            assertThat(CloudEvents.header(dead.get(0), "dead-letter-reason")).isNotBlank();
            assertThat(CloudEvents.header(dead.get(1), "dead-letter-reason")).contains("names no memberId");
            assertThat(dead.get(0).value()).isEqualTo("{\"sessionId\": not json");
        }
        // A dead-lettered event is not remembered as processed: its transaction rolled back.
        assertThat(db.one("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, poisonId))
                .isZero();
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/reminder-preferences")
                .then()
                .body("customised", equalTo(true));
    }

    @Test
    void aDatabaseFailureIsRetriedUntilItPassesAndNothingIsDeadLettered() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(30));
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        members.dueAt(member, soon);
        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(DLQ)) {
            // Every attempt fails in the database, as if it were away, until the table is back.
            db.update("ALTER TABLE processed_event RENAME TO processed_event_away");
            try {
                CloudEvents.send(
                        kafka, Topic.SESSIONS.name(), member, EventTypes.SESSION_COMPLETED, session(member, ended));
                // Attempts fail while the table is away: the schedule stays as it was meanwhile.
                await().during(Duration.ofSeconds(4))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> soon.equals(members.nextDueAt(member)));
            } finally {
                db.update("ALTER TABLE processed_event_away RENAME TO processed_event");
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> members.nextDueAt(member).equals(ended.plus(Duration.ofMinutes(30))));
            await().during(Duration.ofSeconds(2)) // a dead-lettered copy would have come by now
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.getRecords().stream().noneMatch(r -> member.equals(r.key())));
        }
    }

    @Test
    void aZoneNotKnownIsReadAsStopAndNotDeadLettered() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(30));
        members.dueAt(member, Instant.now().plus(Duration.ofMinutes(5)));
        UUID exercise = UUID.randomUUID();

        try (ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics(DLQ)) {
            String id = CloudEvents.send(
                    kafka,
                    Topic.SESSIONS.name(),
                    member,
                    EventTypes.TOLERANCE_REPORTED,
                    tolerance(member, "flare-up", exercise, new ToleranceReported.Recommendation(2, 8, null)));
            Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            CloudEvents.send(
                    kafka, Topic.SESSIONS.name(), member, EventTypes.SESSION_COMPLETED, session(member, ended));

            // The later event on the same partition was applied, so the report before it was handled.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> members.nextDueAt(member).equals(ended.plus(Duration.ofMinutes(30))));
            assertThat(stopped(member, exercise)).isTrue();
            assertThat(db.one("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, id))
                    .as("applied and committed, not rolled back to the dead-letter topic")
                    .isEqualTo(1);
            assertThat(db.one("SELECT count(*) FROM member_dosage WHERE member_id = ?", Long.class, member))
                    .as("a stopped exercise gets its next dose from the clearance, not from the report")
                    .isZero();
            assertThat(dlq.getRecords()).noneMatch(r -> member.equals(r.key()));
        }
    }

    @Test
    void aStaleStopOrPauseArrivingLateDoesNotUndoANewerClearanceOrResume() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(30));
        // Due well before the session below plus its interval: the planner only moves a due time
        // later, and a save in the same second as the session (truncated) could otherwise keep its own.
        members.dueAt(member, Instant.now().plus(Duration.ofMinutes(5)));
        UUID exercise = UUID.randomUUID();
        Instant earlier = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        Instant later = earlier.plus(Duration.ofMinutes(5));
        SafetyEvents events = new SafetyEvents(kafka);

        // Two of the producer's transactions published in the other order than they were made.
        events.send(
                member,
                EventTypes.EXERCISE_CLEARED,
                SafetyEvents.cleared(member, exercise, new ToleranceReported.Recommendation(1, 4, null), later));
        events.send(member, EventTypes.SAFETY_FLAG_RESOLVED, SafetyEvents.resolved(member, exercise, false, later));
        events.report(SafetyEvents.report(member, exercise, "stop", null, "stopped", false, earlier));
        events.send(
                member, EventTypes.SAFETY_FLAG_RAISED, SafetyEvents.raised(member, exercise, "urgent", true, earlier));
        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CloudEvents.send(kafka, Topic.SESSIONS.name(), member, EventTypes.SESSION_COMPLETED, session(member, ended));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> members.nextDueAt(member).equals(ended.plus(Duration.ofMinutes(30))));
        assertThat(stopped(member, exercise)).isFalse();
        assertThat(db.one("SELECT safety_paused FROM prompt_schedule WHERE member_id = ?", Boolean.class, member))
                .isFalse();
        assertThat(db.one("SELECT reps FROM member_dosage WHERE member_id = ?", Integer.class, member))
                .isEqualTo(4);

        // A newer stop does stop it again.
        events.report(SafetyEvents.report(member, exercise, "stop", null, "stopped", false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> stopped(member, exercise));
    }

    @Test
    void anErasedMemberLosesTheirScheduleHistoryAndPreferences() {
        String member = Members.newId();
        members.withOnePrompt(member);
        CloudEvents.send(
                kafka, Topic.SESSIONS.name(), member, EventTypes.TOLERANCE_REPORTED, tolerance(member, "scale-back"));
        CloudEvents.send(
                kafka,
                Topic.SESSIONS.name(),
                member,
                EventTypes.TOLERANCE_REPORTED,
                tolerance(member, "urgent", UUID.randomUUID(), null)); // a stopped exercise and a pause
        await().atMost(Duration.ofSeconds(30))
                .until(() -> toleranceSeen(member)
                        && db.one(
                                        "SELECT count(*) FROM member_exercise_safety WHERE member_id = ? AND stopped",
                                        Long.class,
                                        member)
                                == 1);

        CloudEvents.send(
                kafka,
                Topic.SESSIONS.name(),
                member,
                EventTypes.MEMBER_ERASED,
                new MemberErased(member, Instant.now()));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.one("SELECT count(*) FROM prompt_schedule WHERE member_id = ?", Long.class, member) == 0);
        assertThat(members.promptCount(member)).isZero();
        assertThat(db.one("SELECT count(*) FROM member_dosage WHERE member_id = ?", Long.class, member))
                .isZero();
        assertThat(db.one("SELECT count(*) FROM member_exercise_safety WHERE member_id = ?", Long.class, member))
                .isZero();
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/reminder-preferences")
                .then()
                .body("customised", equalTo(false))
                .body("nextPromptAt", equalTo(null));
    }

    private String zoneOf(String member) {
        return db.one("SELECT zone FROM member_exercise_safety WHERE member_id = ?", String.class, member);
    }

    private boolean stopped(String member, UUID exercise) {
        return Boolean.TRUE.equals(db.one(
                "SELECT stopped FROM member_exercise_safety WHERE member_id = ? AND exercise_id = ?",
                Boolean.class,
                member,
                exercise));
    }

    private boolean toleranceSeen(String member) {
        return db.one("SELECT count(*) FROM member_dosage WHERE member_id = ?", Long.class, member) > 0;
    }

    static SessionCompleted session(String member, Instant ended) {
        return new SessionCompleted(
                UUID.randomUUID(),
                member,
                "employer-test",
                UUID.randomUUID(),
                1,
                null,
                ended.minus(Duration.ofMinutes(6)),
                ended,
                List.of(new SessionCompleted.SetDone("both", 10, null)));
    }

    static ToleranceReported tolerance(String member, String zone) {
        return tolerance(member, zone, UUID.randomUUID(), new ToleranceReported.Recommendation(2, 8, null));
    }

    static ToleranceReported tolerance(
            String member, String zone, UUID exerciseId, ToleranceReported.Recommendation recommendation) {
        return new ToleranceReported(
                UUID.randomUUID(),
                member,
                exerciseId,
                UUID.randomUUID(),
                2,
                4,
                3,
                null,
                zone,
                recommendation,
                "test",
                Instant.now());
    }
}
