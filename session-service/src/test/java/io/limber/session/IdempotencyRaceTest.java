package io.limber.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.limber.events.catalog.ExercisePublished;
import io.limber.infra.test.DbCount;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent requests with one Idempotency-Key, let go at once over HTTP, on both writes that
 * take a key: one claim, one row, one event, and every request the same answer; a different body
 * racing under the key gets none of its own written.
 */
@QuarkusTest
class IdempotencyRaceTest {

    private static final int REQUESTS = 8;

    @Inject
    TestCatalog catalog;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    ExercisePublished exercise;
    String member;
    String token;
    ExecutorService pool;

    @BeforeEach
    void freshMember() {
        exercise = catalog.publishNew();
        member = Sessions.member();
        token = TestTokens.member(member, "employer-" + UUID.randomUUID());
        pool = Executors.newFixedThreadPool(REQUESTS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void identicalSessionsUnderOneKeyRecordOneAndAllAnswerIt() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Sessions.body(exercise.id(), 1, 2);
        List<Response> answers = race(sessions(), key, i -> body);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers)
                .extracting(Response::asString)
                .containsOnly(answers.get(0).asString());
        assertThat(answers)
                .extracting(r -> r.header("Idempotent-Replayed"))
                .containsOnlyOnce("false")
                .containsOnly("false", "true");
        assertThat(count("SELECT count(*) FROM exercise_session WHERE member_id = ?"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE message_key = ?"))
                .isEqualTo(1);
        assertThat(claims("recordSession", key)).isEqualTo(1);
    }

    @Test
    void identicalReportsUnderOneKeyClassifyOnceAndAllAnswerIt() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Sessions.report(exercise.id(), 1, 2, 2);
        List<Response> answers = race(reports(), key, i -> body);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers)
                .extracting(Response::asString)
                .containsOnly(answers.get(0).asString());
        assertThat(count("SELECT count(*) FROM tolerance_report WHERE member_id = ?"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM recommendation WHERE member_id = ?"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE message_key = ?"))
                .isEqualTo(1);
        assertThat(claims("reportTolerance", key)).isEqualTo(1);
    }

    @Test
    void differentSessionsRacingUnderOneKeyRecordOneAndTheOthersAreRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Response> answers = race(sessions(), key, i -> Sessions.body(exercise.id(), 1, 1 + i));

        assertThat(answers)
                .extracting(Response::statusCode)
                .containsOnlyOnce(201)
                .containsOnly(201, 422);
        assertThat(answers)
                .filteredOn(r -> r.statusCode() == 422)
                .extracting(r -> r.<String>path("type"))
                .containsOnly("https://problems.limber.io/idempotency-key-reused");
        assertThat(count("SELECT count(*) FROM exercise_session WHERE member_id = ?"))
                .isEqualTo(1);
        assertThat(claims("recordSession", key)).isEqualTo(1);
    }

    private interface Bodies {
        Map<String, Object> of(int request);
    }

    /** {@link #REQUESTS} POSTs with one key, held at a gate until all are ready, then let go together. */
    private List<Response> race(String path, String key, Bodies bodies) throws Exception {
        CountDownLatch ready = new CountDownLatch(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String json = mapper.writeValueAsString(bodies.of(i));
            futures.add(pool.submit(() -> {
                var request = given().auth()
                        .oauth2(token)
                        .header("Idempotency-Key", key)
                        .contentType("application/json")
                        .body(json);
                ready.countDown();
                go.await();
                return request.post(path);
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            answers.add(future.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS));
        }
        return answers;
    }

    private long claims(String operation, String key) {
        return DbCount.of(
                dataSource,
                "SELECT count(*) FROM idempotency_record WHERE member_id = ? AND operation = ? AND idempotency_key = ?",
                member,
                operation,
                key);
    }

    private long count(String sql) {
        return DbCount.of(dataSource, sql, member);
    }

    private String sessions() {
        return "/api/v1/members/" + member + "/sessions";
    }

    private String reports() {
        return "/api/v1/members/" + member + "/tolerance-reports";
    }
}
