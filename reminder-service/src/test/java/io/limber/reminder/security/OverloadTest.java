package io.limber.reminder.security;

import java.util.UUID;

import io.limber.infra.test.LowLimits;
import io.limber.infra.test.OverloadTestBase;
import io.limber.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(LowLimits.class)
class OverloadTest extends OverloadTestBase {

    OverloadTest() {
        super(
                () -> "member-" + UUID.randomUUID(),
                member -> TestTokens.member(member, "employer-" + UUID.randomUUID()),
                member -> "api/v1/me/prompts",
                "api/v1/events/asyncapi.yaml",
                "PUT",
                member -> "api/v1/me/reminder-preferences",
                "[]");
    }
}
