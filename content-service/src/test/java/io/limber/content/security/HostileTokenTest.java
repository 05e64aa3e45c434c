package io.limber.content.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.limber.content.CatalogApi;
import io.limber.infra.test.HostileTokenTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** The hostile tokens on an editor's writes and reads of the catalog, and on its public reads. */
@QuarkusTest
class HostileTokenTest extends HostileTokenTestBase {

    static final String EDITOR = "editor-hostile-" + UUID.randomUUID();

    HostileTokenTest() {
        super(EDITOR, null, "content-editor");
    }

    @Override
    protected List<Call> guardedCalls() {
        return List.of(
                Call.post(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("hostile"))),
                Call.post(CatalogApi.EXERCISES + "/" + UUID.randomUUID() + "/submit", null),
                Call.get(CatalogApi.EXERCISES + "/" + UUID.randomUUID() + "/draft"));
    }

    @Override
    protected List<String> publicReads() {
        return List.of(CatalogApi.PROGRAMS);
    }

    /** Working copies: an editor's own read. */
    @Override
    protected String ownRead(String editor) {
        return CatalogApi.EXERCISES + "?status=draft";
    }

    @Override
    protected Map<String, Long> snapshot() {
        return new Rows(dataSource).snapshot();
    }
}
