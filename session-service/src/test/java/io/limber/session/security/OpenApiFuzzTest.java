package io.limber.session.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.DbSnapshot;
import io.limber.infra.test.OpenApiFuzzTestBase;
import io.limber.infra.test.OpenApiFuzzer;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;

/**
 * Every operation of this service's OpenAPI document, fuzzed (see {@link OpenApiFuzzer}) as a
 * member with a session and a report on a published exercise, and as their employer's admin:
 * never a 5xx, every refusal a problem, never a changed row.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzTestBase {

    OpenApiFuzzTest() {
        super("session-service");
    }

    @Inject
    TestCatalog catalog;

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected OpenApiFuzzer configure(OpenApiFuzzer fuzzer) {
        UUID exercise = catalog.publishNew().id();
        String member = Sessions.member();
        String employer = "employer-fuzz-" + UUID.randomUUID();
        String token = TestTokens.member(member, employer);
        String session = created(token, "/api/v1/members/" + member + "/sessions", Sessions.body(exercise, 1, 1));
        String report =
                created(token, "/api/v1/members/" + member + "/tolerance-reports", Sessions.report(exercise, 1, 2, 2));
        // Consumers record what other tests publish meanwhile; the relay marks events sent.
        DbSnapshot rows = new DbSnapshot(dataSource)
                .ignoreTable("processed_event")
                .ignoreTable("catalog_exercise")
                .ignoreColumns("outbox_event", "published_at");

        Instant ended = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        return fuzzer.tokens(op -> op.roles().isEmpty()
                        ? null
                        : TestTokens.token(member, employer, op.roles().get(0)))
                .value("memberId", member)
                .value("employerId", employer)
                .value("exerciseId", exercise.toString())
                .value("exerciseRevision", 1)
                .value("sessionId", session)
                .value("reportId", report)
                .value("startedAt", ended.minus(Duration.ofMinutes(10)).toString())
                .value("endedAt", ended.toString())
                .value("sets", List.of(Map.of("side", "both", "reps", 10, "holdSeconds", 5)))
                .rows(rows::take);
    }

    private static String created(String token, String path, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
