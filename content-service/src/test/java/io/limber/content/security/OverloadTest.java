package io.limber.content.security;

import java.util.UUID;

import io.limber.infra.test.LowLimits;
import io.limber.infra.test.OverloadTestBase;
import io.limber.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The overload checks on the catalog: editors' working copies and the public catalog. */
@QuarkusTest
@TestProfile(LowLimits.class)
class OverloadTest extends OverloadTestBase {

    @Override
    protected String newCaller() {
        return "editor-" + UUID.randomUUID();
    }

    @Override
    protected String token(String editor) {
        return TestTokens.editor(editor);
    }

    /** Working copies: read from the database, never from the published catalog's cache. */
    @Override
    protected String databaseRead(String editor) {
        return "api/v1/exercises?status=draft";
    }

    /** The public catalog: anonymous readers share their address's bucket. */
    @Override
    protected String anonymousRead() {
        return "api/v1/exercises";
    }

    @Override
    protected String writeMethod() {
        return "POST";
    }

    @Override
    protected String writePath(String editor) {
        return "api/v1/exercises";
    }

    @Override
    protected String invalidWriteBody() {
        return "{}";
    }
}
