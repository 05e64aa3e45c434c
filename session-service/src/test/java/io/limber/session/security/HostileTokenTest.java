package io.limber.session.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.limber.infra.test.HostileTokenTestBase;
import io.limber.infra.test.HostileTokens;
import io.limber.session.support.Sessions;
import io.limber.session.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;

/** The hostile tokens on a member's sessions, tolerance reports and data. */
@QuarkusTest
class HostileTokenTest extends HostileTokenTestBase {

    static final String MEMBER = "member-hostile-" + UUID.randomUUID();
    static final String EMPLOYER = "employer-hostile";

    static UUID exerciseId;

    @Inject
    TestCatalog catalog;

    @BeforeEach
    void oneExercise() {
        if (exerciseId == null) {
            exerciseId = catalog.publishNew().id();
        }
    }

    HostileTokenTest() {
        super(MEMBER, EMPLOYER, "member");
    }

    @Override
    protected List<Call> guardedCalls() {
        return List.of(
                Call.post(ownRead(MEMBER), Sessions.body(exerciseId, 1, 1)),
                Call.post("/api/v1/members/" + MEMBER + "/tolerance-reports", Sessions.report(exerciseId, 1, 2, 2)),
                Call.get(ownRead(MEMBER)),
                new Call("DELETE", "/api/v1/members/" + MEMBER + "/data", null));
    }

    @Override
    protected List<String> publicReads() {
        return List.of("/api/v1/events/asyncapi.yaml");
    }

    @Override
    protected String ownRead(String member) {
        return "/api/v1/members/" + member + "/sessions";
    }

    @Override
    protected Map<String, Long> snapshot() {
        return new Rows(dataSource).snapshot();
    }

    /** A member of its own records a session: the write, not only a read, takes the sound token. */
    @Override
    protected void assertAcceptedWithoutADefect() {
        String member = "member-control-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + HostileTokens.valid(member, EMPLOYER, "member"))
                .contentType("application/json")
                .body(Sessions.body(exerciseId, 1, 1))
                .post(ownRead(member))
                .then()
                .statusCode(201);
    }
}
