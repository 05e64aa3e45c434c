package io.limber.reminder.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.Window;
import io.limber.reminder.support.CloudEvents;
import io.limber.reminder.support.Db;
import io.limber.reminder.support.Members;
import io.limber.reminder.support.PromptTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The persistent schedule, dispatched by due time over the real database and broker. */
@QuarkusTest
class DispatchTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PromptDispatchService dispatchService;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaCompanion kafka;
    private PromptTopic topic;
    private Db db;
    private Members members;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
        topic = new PromptTopic(kafka);
        db = new Db(dataSource);
        members = new Members(db);
    }

    @AfterEach
    void disconnect() {
        topic.close();
        kafka.close();
    }

    @Test
    void aDuePromptIsPublishedOnceAsACloudEventThatMatchesItsSchema() throws Exception {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(60));
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        members.dueAt(member, due);

        ConsumerRecord<String, String> record = topic.awaitRecords(
                        List.of(member), EventTypes.PROMPT_DUE, 1, Duration.ofSeconds(30))
                .get(0);

        assertThat(record.key()).isEqualTo(member);
        assertThat(CloudEvents.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEvents.header(record, "ce_source")).isEqualTo("/reminder-service");
        assertThat(CloudEvents.header(record, "ce_subject")).isEqualTo(member);
        assertThat(CloudEvents.header(record, "ce_dataschema"))
                .isEqualTo("https://schemas.limber.io/events/limber.prompt.due.v1.json");
        assertThat(CloudEvents.header(record, "content-type")).isEqualTo("application/json");
        PromptTopic.assertMatchesSchema("limber.prompt.due.v1.json", record.value());
        JsonNode data = CloudEvents.JSON.readTree(record.value());
        assertThat(data.get("memberId").asText()).isEqualTo(member);
        assertThat(Instant.parse(data.get("dueAt").asText())).isEqualTo(due);
        assertThat(data.get("timeZone").asText()).isEqualTo("UTC");

        given().auth()
                .oauth2(Members.token(member))
                .get("/api/v1/me/prompts")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(data.get("promptId").asText()))
                .body("[0].status", equalTo("sent"));
        assertThat(members.nextDueAt(member))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(58)),
                        Instant.now().plus(Duration.ofMinutes(61)));
    }

    @Test
    void afterDowntimeAMemberGetsOneCatchUpPromptNotOnePerMissedSlot() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(15));
        // Down for five hours: twenty 15-minute slots were missed.
        members.dueAt(member, Instant.now().minus(Duration.ofHours(5)));

        topic.awaitRecords(List.of(member), EventTypes.PROMPT_DUE, 1, Duration.ofSeconds(30));

        assertThat(members.promptCount(member)).isEqualTo(1);
        assertThat(members.nextDueAt(member)).isAfter(Instant.now().plus(Duration.ofMinutes(13)));
    }

    @Test
    void afterDowntimeNoPromptIsSentOutsideWorkingHours() {
        String member = Members.newId();
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int start = (hour + 6) % 24; // a one-hour window well away from now
        members.put(member, Members.workingOneHourFrom(start, 20));
        Instant missed = Instant.now().minus(Duration.ofHours(3));
        members.dueAt(member, missed);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> members.nextDueAt(member).isAfter(Instant.now()));

        assertThat(members.promptCount(member)).isZero();
        assertThat(topic.recordsFor(List.of(member), EventTypes.PROMPT_DUE)).isEmpty();
        Instant next = members.nextDueAt(member);
        assertThat(next.atZone(ZoneOffset.UTC).getHour()).isEqualTo(start);
        assertThat(next.atZone(ZoneOffset.UTC).getMinute()).isEqualTo(20); // one interval after the window opens
    }

    @Test
    void theDailyCapMovesTheNextPromptToTheNextWorkingDay() {
        String member = Members.newId();
        Map<String, Object> prefs = new java.util.HashMap<>(Members.alwaysWorking(60));
        prefs.put("dailyCap", 1);
        // A zone where it is about noon now: in UTC, a run in the day's last hour would see the next
        // prompt fall on the next day anyway, cap or not (it failed a run at 23:07 UTC).
        int offset = 12 - java.time.LocalTime.now(ZoneOffset.UTC).getHour();
        java.time.ZoneId zone = java.time.ZoneId.of("Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
        prefs.put("timeZone", zone.getId());
        members.put(member, prefs);
        members.dueAt(member, Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> members.promptCount(member) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> members.nextDueAt(member).isAfter(Instant.now()));

        java.time.LocalDate sentOn =
                db.one("SELECT local_date FROM prompt WHERE member_id = ?", java.time.LocalDate.class, member);
        assertThat(members.nextDueAt(member))
                .isEqualTo(sentOn.plusDays(1).atStartOfDay(zone).plusMinutes(60).toInstant());
    }

    @Test
    void aPausedMemberGetsNoPrompt() {
        String member = Members.newId();
        members.put(member, Members.alwaysWorking(60)); // enrolled: a schedule
        Map<String, Object> prefs = new java.util.HashMap<>(Members.alwaysWorking(60));
        prefs.put("enabled", false);
        members.put(member, prefs);
        assertThat(members.nextDueAt(member)).isNull();
        members.dueAt(member, Instant.now().minus(Duration.ofMinutes(1))); // a row left due from before the pause

        await().atMost(Duration.ofSeconds(20)).until(() -> members.nextDueAt(member) == null);
        assertThat(members.promptCount(member)).isZero();
    }

    /**
     * Two dispatchers (two threads on the real dispatch transaction, besides this replica's own
     * background dispatcher) and a third replica that dies mid-batch share one database.
     */
    @Test
    void replicasShareABurstOfDuePromptsWithNoDuplicateAndNoneLost() throws Exception {
        int n = 300;
        List<String> burst =
                IntStream.range(0, n).mapToObj(i -> Members.newId()).toList();
        String settings = mapper.writeValueAsString(new Preferences(
                "UTC",
                EnumSet.allOf(DayOfWeek.class),
                List.of(Window.parse("00:00", "24:00")),
                60,
                List.of(),
                null,
                100,
                Set.of("chair"),
                Set.of("seated", "standing"),
                Set.of("push"),
                null,
                true));
        db.batch(
                "INSERT INTO reminder_preferences (member_id, settings, updated_at) VALUES (?, ?::jsonb, now())",
                burst.stream().map(m -> new Object[] {m, settings}).toList());
        Timestamp future = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        db.batch(
                "INSERT INTO prompt_schedule (member_id, next_due_at, gentle, updated_at) VALUES (?, ?, false, now())",
                burst.stream().map(m -> new Object[] {m, future}).toList());

        // All due at once, in one statement.
        db.update("UPDATE prompt_schedule SET next_due_at = now() WHERE member_id = ANY (?)", array(burst));

        try (Connection crashing = dataSource.getConnection()) {
            crashing.setAutoCommit(false);
            List<String> heldByTheCrashingReplica = new ArrayList<>();
            try (PreparedStatement lock = crashing.prepareStatement(
                    "SELECT member_id FROM prompt_schedule WHERE member_id = ANY (?) ORDER BY member_id LIMIT 40 FOR UPDATE SKIP LOCKED")) {
                lock.setArray(1, crashing.createArrayOf("text", burst.toArray()));
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        heldByTheCrashingReplica.add(rs.getString(1));
                    }
                }
            }
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> handled = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    handled.add(replicas.submit(() -> {
                        int total = 0;
                        int batch;
                        while ((batch = dispatchService.dispatchBatch()) > 0) {
                            total += batch;
                        }
                        return total;
                    }));
                }
                for (Future<Integer> f : handled) {
                    f.get(); // the rest are the app's own dispatcher's; the topic below counts them all
                }
            } finally {
                replicas.shutdown();
            }
            assertThat(heldByTheCrashingReplica).hasSize(40);
            assertThat(db.one(
                            "SELECT count(*) FROM prompt WHERE member_id = ANY (?)",
                            Long.class,
                            array(heldByTheCrashingReplica)))
                    .as("rows a live replica holds are skipped, not waited for or taken")
                    .isZero();
            crashing.rollback(); // the replica dies: its locks go with its connection
        }

        List<ConsumerRecord<String, String>> records =
                topic.awaitRecords(burst, EventTypes.PROMPT_DUE, n, Duration.ofSeconds(90));

        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(burst);
        assertThat(records.stream().map(r -> CloudEvents.header(r, "ce_id")).distinct())
                .hasSize(n);
        assertThat(db.one("SELECT count(*) FROM prompt WHERE member_id = ANY (?)", Long.class, array(burst)))
                .isEqualTo(n);
        assertThat(db.one(
                        "SELECT count(*) FROM prompt_schedule WHERE member_id = ANY (?) AND next_due_at <= now()",
                        Long.class,
                        array(burst)))
                .isZero();
    }

    private static Object array(List<String> values) {
        return values.toArray(String[]::new); // one parameter, not varargs
    }
}
