package io.limber.session.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.infra.test.AccessMatrix;
import io.limber.infra.test.AccessMatrix.Endpoint;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that takes a member, employer, session or report id, called on a victim's objects
 * by another member, another employer's admin and an anonymous caller: refused every time, with
 * the answer the design gives (403 for another member's id in the path, 404 for another member's
 * object under one's own id, 404 for another employer, 401 without a token), and nothing changed.
 */
@QuarkusTest
class ObjectAccessMatrixTest {

    /** The victim's objects and the intruders' tokens. */
    record Fixture(
            String victim,
            String victimEmployer,
            UUID exercise,
            String session,
            String report,
            String flag,
            String intruder) {}

    enum Caller {
        OTHER_MEMBER,
        OTHER_EMPLOYERS_ADMIN,
        ANONYMOUS,
        OTHER_EMPLOYERS_CLINICIAN
    }

    /** A member's own endpoint: a clinician's role does not reach it (403). */
    static Endpoint<Fixture> own(
            String name,
            String method,
            String path,
            Function<Fixture, Object> body,
            int otherMember,
            int otherEmployersAdmin,
            int anonymous) {
        return new Endpoint<>(name, method, path, body, otherMember, otherEmployersAdmin, anonymous, 403);
    }

    static final Function<Fixture, Object> NO_BODY = f -> null;

    // One line per endpoint; one status per Caller, in its order. {victim} is the victim's member
    // id, {self} the caller's own id (for paths that are the caller's but name the victim's object).
    static final List<Endpoint<Fixture>> ENDPOINTS = List.of(
            own("listSessions", "GET", "/members/{victim}/sessions", NO_BODY, 403, 403, 401),
            own("getSession", "GET", "/members/{victim}/sessions/{session}", NO_BODY, 403, 403, 401),
            own("getSession, own path", "GET", "/members/{self}/sessions/{session}", NO_BODY, 404, 403, 401),
            own(
                    "recordSession",
                    "POST",
                    "/members/{victim}/sessions",
                    f -> Sessions.body(f.exercise(), 1, 1),
                    403,
                    403,
                    401),
            own(
                    "reportTolerance",
                    "POST",
                    "/members/{victim}/tolerance-reports",
                    f -> Sessions.report(f.exercise(), 1, 2, 2),
                    403,
                    403,
                    401),
            own(
                    "reportTolerance naming the victim's session, own path",
                    "POST",
                    "/members/{self}/tolerance-reports",
                    f -> withSession(Sessions.report(f.exercise(), 1, 2, 2), f.session()),
                    404,
                    403,
                    401),
            own("getToleranceReport", "GET", "/members/{victim}/tolerance-reports/{report}", NO_BODY, 403, 403, 401),
            own(
                    "getToleranceReport, own path",
                    "GET",
                    "/members/{self}/tolerance-reports/{report}",
                    NO_BODY,
                    404,
                    403,
                    401),
            own(
                    "recordMorningCheckIn",
                    "POST",
                    "/members/{victim}/tolerance-reports/{report}/morning-check-in",
                    f -> Map.of("morningPain", 1, "morningStiffness", 1),
                    403,
                    403,
                    401),
            own(
                    "recordMorningCheckIn, own path",
                    "POST",
                    "/members/{self}/tolerance-reports/{report}/morning-check-in",
                    f -> Map.of("morningPain", 1, "morningStiffness", 1),
                    404,
                    403,
                    401),
            own("listDosages", "GET", "/members/{victim}/dosages", NO_BODY, 403, 403, 401),
            own("getDosage", "GET", "/members/{victim}/dosages/{exercise}", NO_BODY, 403, 403, 401),
            own(
                    "listDosageRecommendations",
                    "GET",
                    "/members/{victim}/dosages/{exercise}/recommendations",
                    NO_BODY,
                    403,
                    403,
                    401),
            own("getProgress", "GET", "/members/{victim}/progress", NO_BODY, 403, 403, 401),
            own("eraseMemberData", "DELETE", "/members/{victim}/data", NO_BODY, 403, 403, 401),
            own("getEmployerAggregates", "GET", "/employers/{victimEmployer}/aggregates", NO_BODY, 403, 404, 401),
            // A clinician treats the members of their own employer only; another's are as if unknown.
            new Endpoint<>(
                    "clearDosageStop",
                    "POST",
                    "/members/{victim}/dosages/{exercise}/clearance",
                    f -> Map.of("note", "cleared"),
                    403,
                    403,
                    401,
                    404),
            new Endpoint<>("getSafetyFlag", "GET", "/safety-flags/{flag}", NO_BODY, 403, 403, 401, 404),
            new Endpoint<>(
                    "acknowledgeSafetyFlag",
                    "POST",
                    "/safety-flags/{flag}/acknowledgement",
                    f -> Map.of("note", "seen"),
                    403,
                    403,
                    401,
                    404),
            new Endpoint<>(
                    "resolveSafetyFlag",
                    "POST",
                    "/safety-flags/{flag}/resolution",
                    f -> Map.of("note", "resolved"),
                    403,
                    403,
                    401,
                    404));

    @Inject
    TestCatalog catalog;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEndpointRefusesEveryIntruder() {
        Fixture f = victimWithASessionAndAReport();
        String otherEmployer = "employer-intruder-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String clinician = "clinician-" + UUID.randomUUID();
        Map<Caller, String> tokens = Map.of(
                Caller.OTHER_MEMBER, TestTokens.member(f.intruder(), otherEmployer),
                Caller.OTHER_EMPLOYERS_ADMIN, TestTokens.employerAdmin(admin, otherEmployer),
                Caller.OTHER_EMPLOYERS_CLINICIAN, TestTokens.clinician(clinician, otherEmployer));
        Map<Caller, String> selves = Map.of(
                Caller.OTHER_MEMBER,
                f.intruder(),
                Caller.OTHER_EMPLOYERS_ADMIN,
                admin,
                Caller.OTHER_EMPLOYERS_CLINICIAN,
                clinician,
                Caller.ANONYMOUS,
                f.victim());

        Rows rows = new Rows(dataSource);
        Map<String, Long> before = rows.snapshot();
        String victimsReportBefore = victimGets(f, "/tolerance-reports/" + f.report());

        List<String> wrong = new AccessMatrix<Fixture, Caller>(Caller.class, tokens)
                .paths((path, caller) -> path.replace("{victim}", f.victim())
                        .replace("{victimEmployer}", f.victimEmployer())
                        .replace("{self}", selves.get(caller))
                        .replace("{session}", f.session())
                        .replace("{report}", f.report())
                        .replace("{flag}", f.flag())
                        .replace("{exercise}", f.exercise().toString()))
                .wrong(ENDPOINTS, f);

        assertThat(wrong).as("refusals that were not as designed").isEmpty();
        assertThat(rows.snapshot()).as("rows after every refusal").isEqualTo(before);
        assertThat(victimGets(f, "/tolerance-reports/" + f.report())).isEqualTo(victimsReportBefore);
        assertThat(victimGets(f, "/sessions/" + f.session())).contains(f.session());
    }

    private Fixture victimWithASessionAndAReport() {
        UUID exercise = catalog.publishNew().id();
        String victim = Sessions.member();
        String employer = "employer-victim-" + UUID.randomUUID();
        String token = TestTokens.member(victim, employer);
        String session = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.body(exercise, 1, 1))
                .post("/api/v1/members/{m}/sessions", victim)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String report = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(withSession(Sessions.report(exercise, 1, 2, 2), session))
                .post("/api/v1/members/{m}/tolerance-reports", victim)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A stop on a second exercise: a safety flag in the victim's clinicians' queue.
        UUID stopped = catalog.publishNew().id();
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Sessions.report(stopped, 1, 9, 9))
                .post("/api/v1/members/{m}/tolerance-reports", victim)
                .then()
                .statusCode(201);
        String flag = given().auth()
                .oauth2(TestTokens.clinician("clinician-victim", employer))
                .get("/api/v1/safety-flags")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        return new Fixture(victim, employer, stopped, session, report, flag, Sessions.member());
    }

    private static String victimGets(Fixture f, String path) {
        return given().auth()
                .oauth2(TestTokens.member(f.victim(), f.victimEmployer()))
                .get("/api/v1/members/" + f.victim() + path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static Map<String, Object> withSession(Map<String, Object> report, String session) {
        report.put("sessionId", session);
        return report;
    }
}
