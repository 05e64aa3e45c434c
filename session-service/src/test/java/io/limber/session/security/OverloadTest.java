package io.limber.session.security;

import java.util.UUID;

import io.limber.infra.test.LowLimits;
import io.limber.infra.test.OverloadTestBase;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The overload checks on a member's own sessions. */
@QuarkusTest
@TestProfile(LowLimits.class)
class OverloadTest extends OverloadTestBase {

    @Override
    protected String newCaller() {
        return Sessions.member();
    }

    @Override
    protected String token(String member) {
        return TestTokens.member(member, "employer-" + UUID.randomUUID());
    }

    @Override
    protected String databaseRead(String member) {
        return sessions(member);
    }

    @Override
    protected String anonymousRead() {
        return "api/v1/events/asyncapi.yaml";
    }

    @Override
    protected String writeMethod() {
        return "POST";
    }

    @Override
    protected String writePath(String member) {
        return sessions(member);
    }

    @Override
    protected String invalidWriteBody() {
        return "{}";
    }

    private static String sessions(String member) {
        return "api/v1/members/" + member + "/sessions";
    }
}
