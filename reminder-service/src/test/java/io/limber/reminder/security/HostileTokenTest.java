package io.limber.reminder.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.limber.infra.test.HostileTokenTestBase;
import io.limber.reminder.support.Members;
import io.quarkus.test.junit.QuarkusTest;

/** The hostile tokens on a member's prompts and reminder preferences. */
@QuarkusTest
class HostileTokenTest extends HostileTokenTestBase {

    static final String MEMBER = "member-hostile-" + UUID.randomUUID();
    static final String EMPLOYER = "employer-hostile";

    HostileTokenTest() {
        super(MEMBER, EMPLOYER, "member");
    }

    @Override
    protected List<Call> guardedCalls() {
        return List.of(
                new Call("PUT", "/api/v1/me/reminder-preferences", Members.alwaysWorking(30)),
                Call.post("/api/v1/me/prompts/" + UUID.randomUUID() + "/dismiss", null),
                Call.get("/api/v1/me/prompts"),
                Call.get("/api/v1/me/reminder-preferences"));
    }

    @Override
    protected List<String> publicReads() {
        return List.of("/api/v1/events/asyncapi.yaml");
    }

    @Override
    protected String ownRead(String member) {
        return "/api/v1/me/reminder-preferences";
    }

    @Override
    protected Map<String, Long> snapshot() {
        return new Rows(dataSource).snapshot(MEMBER);
    }
}
