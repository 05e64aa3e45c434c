package io.limber.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Backdate;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.limber.session.support.SessionTopic.assertMatchesSchema;
import static io.limber.session.support.SessionTopic.awaitForMember;
import static io.limber.session.support.SessionTopic.header;
import static io.limber.session.support.SessionTopic.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public contract on limber.sessions.v1, read back from the real broker. */
@QuarkusTest
class SessionEventsTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishesSessionToleranceAndErasureEventsInOrderAsCloudEvents() {
        ExercisePublished exercise = catalog.publishNew();
        String member = Sessions.member();
        String employer = "employer-" + UUID.randomUUID();
        String token = TestTokens.member(member, employer);

        String sessionId = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 2))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> report = Sessions.report(exercise.id(), 0, 2, 2);
        report.put("sessionId", sessionId);
        String reportId = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(report)
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Backdate.report(dataSource, UUID.fromString(reportId), Backdate.NEXT_MORNING);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("morningPain", 0, "morningStiffness", 1))
                .post("/api/v1/members/{m}/tolerance-reports/{r}/morning-check-in", member, reportId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .delete("/api/v1/members/{m}/data", member)
                .then()
                .statusCode(204);

        List<ConsumerRecord<String, String>> records =
                awaitForMember(bootstrapServers, member, 4, Duration.ofSeconds(60));
        assertThat(records)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly(
                        EventTypes.SESSION_COMPLETED,
                        EventTypes.TOLERANCE_REPORTED,
                        EventTypes.TOLERANCE_REPORTED,
                        EventTypes.MEMBER_ERASED);
        assertThat(records).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates();
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo("/session-service");
            assertThat(header(record, "ce_subject")).isEqualTo(member);
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "ce_dataschema")).isEqualTo(EventTypes.dataSchema(type, 1));
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertMatchesSchema(type, json(record.value()));
        }
        // Keyed by member: one partition, so one member's events stay in order.
        assertThat(records)
                .extracting(ConsumerRecord::partition)
                .containsOnly(records.get(0).partition());

        JsonNode completed = json(records.get(0).value());
        assertThat(completed.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(completed.get("memberId").asText()).isEqualTo(member);
        assertThat(completed.get("employerId").asText()).isEqualTo(employer);
        assertThat(completed.get("exerciseId").asText()).isEqualTo(exercise.id().toString());
        assertThat(completed.get("sets")).hasSize(2);
        assertThat(completed.get("endedAt").asText()).isNotBlank();

        JsonNode reported = json(records.get(1).value());
        assertThat(reported.get("reportId").asText()).isEqualTo(reportId);
        assertThat(reported.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(reported.get("zone").asText()).isEqualTo("hold");
        JsonNode checkedIn = json(records.get(2).value());
        assertThat(checkedIn.get("zone").asText()).isEqualTo("sweet-spot");
        assertThat(checkedIn.get("morningPain").asInt()).isZero();
        assertThat(checkedIn.get("recommendation").get("reps").asInt()).isEqualTo(11);
        assertThat(checkedIn.get("reason").asText()).contains("sweet spot");

        assertThat(json(records.get(3).value()).get("memberId").asText()).isEqualTo(member);
    }

    @ParameterizedTest
    @ValueSource(strings = {EventTypes.SESSION_COMPLETED, EventTypes.TOLERANCE_REPORTED, EventTypes.MEMBER_ERASED})
    void theContractsExamplesMatchTheirSchemas(String type) throws Exception {
        Path example = Path.of("..", "events", "src", "test", "resources", "examples", type + ".v1.json");
        assertMatchesSchema(type, json(Files.readString(example)));
    }

    @Test
    void theSchemasRejectWhatTheContractForbids() {
        JsonNode painEleven = json("""
                {"reportId":"8c2e4a6b-1d3f-4e5a-9b7c-2d4f6a8b0c11","memberId":"m","exerciseId":"0f6d1c3a-6b8e-4c2f-9d4a-3e5b7a9c1d20",
                 "painBefore":1,"painDuring":11,"painAfter":2,"zone":"hold","recommendation":{"sets":2},
                 "reason":"r","reportedAt":"2026-03-03T07:15:00Z"}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> assertMatchesSchema(EventTypes.TOLERANCE_REPORTED, painEleven))
                .isInstanceOf(AssertionError.class);
    }
}
