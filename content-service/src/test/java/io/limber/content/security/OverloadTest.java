package io.limber.content.security;

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
                () -> "editor-" + UUID.randomUUID(),
                TestTokens::editor,
                // Working copies: read from the database, never from the published catalog's cache.
                editor -> "api/v1/exercises?status=draft",
                // The public catalog: anonymous readers share their address's bucket.
                "api/v1/exercises",
                "POST",
                editor -> "api/v1/exercises",
                "{}");
    }
}
