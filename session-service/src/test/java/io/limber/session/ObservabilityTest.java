package io.limber.session;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.events.EventTypes;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.SessionTopic;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Traces and business metrics, seen from outside: over HTTP, on the topic and on /q/metrics. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    TestCatalog catalog;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    ExercisePublished exercise;
    String member;
    String token;

    @BeforeEach
    void freshMemberAndExercise() {
        exercise = catalog.publishNew();
        member = Sessions.member();
        token = TestTokens.member(member, "employer-" + UUID.randomUUID());
    }

    @Test
    void theTraceOfASessionPostContinuesInItsKafkaRecord() {
        String traceId = hex(16);
        given().auth()
                .oauth2(token)
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 2))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201);

        List<ConsumerRecord<String, String>> records =
                SessionTopic.awaitForMember(bootstrapServers, member, 1, Duration.ofSeconds(30));
        ConsumerRecord<String, String> completed = records.stream()
                .filter(r -> EventTypes.SESSION_COMPLETED.equals(SessionTopic.header(r, "ce_type")))
                .findFirst()
                .orElseThrow();
        String traceparent = SessionTopic.header(completed, "traceparent");
        assertThat(traceparent).as("traceparent header").isNotNull();
        assertThat(traceparent.split("-")[1]).isEqualTo(traceId);
    }

    @Test
    void recordingSessionsAndReportsMovesTheBusinessCounters() {
        double sessions = metric("limber_sessions_recorded_total");
        double scaleBack = metric("limber_tolerance_reports_total{zone=\"scale-back\"}");
        double stop = metric("limber_tolerance_reports_total{zone=\"stop\"}");

        // A retry with the same Idempotency-Key replays the first answer and records nothing new.
        String key = UUID.randomUUID().toString();
        var body = Sessions.body(exercise.id(), 1, 2);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(token)
                    .header("Idempotency-Key", key)
                    .contentType("application/json")
                    .body(body)
                    .post("/api/v1/members/{m}/sessions", member)
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise.id(), 1, 3))
                .post("/api/v1/members/{m}/sessions", member)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.report(exercise.id(), 0, 6, 6))
                .post("/api/v1/members/{m}/tolerance-reports", member)
                .then()
                .statusCode(201);
        assertThat(metric("limber_sessions_recorded_total")).isEqualTo(sessions + 2);
        assertThat(metric("limber_tolerance_reports_total{zone=\"scale-back\"}"))
                .isEqualTo(scaleBack + 1);
        assertThat(metric("limber_tolerance_reports_total{zone=\"stop\"}")).isEqualTo(stop);
    }

    @Test
    void kafkaConsumerLagIsExported() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    /**
     * One sample of the Prometheus text format, 0 when the series does not exist yet. A traced
     * sample may be followed by an exemplar ({@code # {trace_id=...}}), hence no end anchor.
     */
    private static double metric(String series) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + "\\s+(\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
