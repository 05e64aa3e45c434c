package io.limber.session.security;

import java.util.UUID;

import io.limber.infra.test.LowLimits;
import io.limber.infra.test.OverloadTestBase;
import io.limber.infra.test.TestTokens;
import io.limber.session.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(LowLimits.class)
class OverloadTest extends OverloadTestBase {

    OverloadTest() {
        super(
                Sessions::member,
                member -> TestTokens.member(member, "employer-" + UUID.randomUUID()),
                OverloadTest::sessions,
                "api/v1/events/asyncapi.yaml",
                "POST",
                OverloadTest::sessions,
                "{}");
    }

    private static String sessions(String member) {
        return "api/v1/members/" + member + "/sessions";
    }
}
