package io.limber.content.security;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.limber.content.CatalogApi;
import io.limber.infra.test.DbSnapshot;
import io.limber.infra.test.OpenApiFuzzTestBase;
import io.limber.infra.test.OpenApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of this service's OpenAPI document, fuzzed (see {@link OpenApiFuzzer}) against
 * an exercise draft and a program draft, as an editor or, where only a reviewer may, a reviewer:
 * never a 5xx, every refusal a problem, never a changed row.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzTestBase {

    OpenApiFuzzTest() {
        super("content-service");
    }

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected OpenApiFuzzer configure(OpenApiFuzzer fuzzer) {
        CatalogApi api = new CatalogApi();
        String published = api.createAndPublish(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("fuzz")));
        String exercise = api.createId(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("fuzz")));
        String program = api.createId(
                CatalogApi.PROGRAMS, CatalogApi.program(CatalogApi.slug("fuzz"), List.of(published), List.of()));
        // The relay marks events sent meanwhile.
        DbSnapshot rows = new DbSnapshot(dataSource).ignoreColumns("outbox_event", "published_at");

        return fuzzer.tokens(
                        op -> op.roles().isEmpty() || op.roles().contains("content-editor") ? api.editor : api.reviewer)
                .value("id", op -> isProgram(op) ? program : exercise)
                .value("key", op -> isProgram(op) ? program : exercise)
                .value(
                        "If-Match",
                        op -> isProgram(op)
                                ? api.etag(CatalogApi.PROGRAMS, program)
                                : api.etag(CatalogApi.EXERCISES, exercise))
                .value("slug", op -> CatalogApi.slug("fuzz"))
                .value("exerciseId", published)
                .value("revision", 1)
                .body("patchExercise", op -> Map.of("name", "Fuzzed"))
                .body("patchProgram", op -> Map.of("name", "Fuzzed"))
                .rows(rows::take);
    }

    private static boolean isProgram(OpenApiFuzzer.Operation op) {
        return op.path().startsWith(CatalogApi.PROGRAMS);
    }
}
