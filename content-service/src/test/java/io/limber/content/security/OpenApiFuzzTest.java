package io.limber.content.security;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.limber.content.CatalogApi;
import io.limber.infra.test.DbSnapshot;
import io.limber.infra.test.OpenApiFuzzer;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of this service's OpenAPI document, fuzzed (see {@link OpenApiFuzzer}) against
 * an exercise draft and a program draft, as an editor or, where only a reviewer may, a reviewer:
 * never a 5xx, every refusal a problem, never a changed row.
 */
@QuarkusTest
class OpenApiFuzzTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "limber.http.max-body-size")
    MemorySize maxBodySize;

    @TestHTTPResource("/")
    URL base;

    @Test
    void noGeneratedRequestGetsA5xxOrChangesARow() {
        CatalogApi api = new CatalogApi();
        String published = api.createAndPublish(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("fuzz")));
        String exercise = api.createId(CatalogApi.EXERCISES, CatalogApi.exercise(CatalogApi.slug("fuzz")));
        String program = api.createId(
                CatalogApi.PROGRAMS, CatalogApi.program(CatalogApi.slug("fuzz"), List.of(published), List.of()));
        // The relay marks events sent meanwhile.
        DbSnapshot rows = new DbSnapshot(dataSource).ignoreColumns("outbox_event", "published_at");

        OpenApiFuzzer.Report report = OpenApiFuzzer.of(base.toString())
                .tokens(op -> op.roles().isEmpty() || op.roles().contains("content-editor") ? api.editor : api.reviewer)
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
                .maxBodyBytes((int) maxBodySize.asLongValue())
                .rows(rows::take)
                .run();

        System.out.println("content-service OpenAPI fuzz: " + report);
        report.tolerated().forEach(t -> System.out.println("  tolerated " + t));
        assertThat(report.failures()).as(report.toString()).isEmpty();
    }

    private static boolean isProgram(OpenApiFuzzer.Operation op) {
        return op.path().startsWith(CatalogApi.PROGRAMS);
    }
}
