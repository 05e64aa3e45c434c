package io.limber.reminder.security;

import java.util.UUID;

import io.limber.infra.test.LowLimits;
import io.limber.infra.test.OverloadTestBase;
import io.limber.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The overload checks on a member's own prompts and reminder preferences. */
@QuarkusTest
@TestProfile(LowLimits.class)
class OverloadTest extends OverloadTestBase {

    @Override
    protected String newCaller() {
        return "member-" + UUID.randomUUID();
    }

    @Override
    protected String token(String member) {
        return TestTokens.member(member, "employer-" + UUID.randomUUID());
    }

    @Override
    protected String databaseRead(String member) {
        return "api/v1/me/prompts";
    }

    @Override
    protected String anonymousRead() {
        return "api/v1/events/asyncapi.yaml";
    }

    @Override
    protected String writeMethod() {
        return "PUT";
    }

    @Override
    protected String writePath(String member) {
        return "api/v1/me/reminder-preferences";
    }

    @Override
    protected String invalidWriteBody() {
        return "[]";
    }
}
