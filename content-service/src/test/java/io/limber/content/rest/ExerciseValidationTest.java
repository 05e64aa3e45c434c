package io.limber.content.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input is a 4xx problem naming the field, and never changes a row. */
@QuarkusTest
class ExerciseValidationTest {

    final CatalogApi api = new CatalogApi();

    private ValidatableResponse create(Map<String, Object> body) {
        return api.create(EXERCISES, body).then().contentType("application/problem+json");
    }

    @Test
    void anEmptyStepListIsRefused() {
        var body = CatalogApi.exercise(CatalogApi.slug("no-steps"));
        body.put("steps", List.of());
        create(body).statusCode(400).body("violations.field", hasItem("steps")).body("violations.in", hasItem("body"));
        assertNotCreated((String) body.get("slug"));
    }

    @Test
    void aNegativeHoldIsRefused() {
        var body = CatalogApi.exercise(CatalogApi.slug("negative-hold"));
        body.put("defaultDosage", Map.of("sets", 2, "reps", 8, "holdSeconds", -5));
        create(body)
                .statusCode(400)
                .body("violations.field", hasItem("defaultDosage.holdSeconds"))
                .body("violations.message", hasItem("must be greater than 0"));
        assertNotCreated((String) body.get("slug"));
    }

    @Test
    void anUnknownEquipmentValueIsRefused() {
        var body = CatalogApi.exercise(CatalogApi.slug("trampoline"));
        body.put("equipment", List.of("wall", "trampoline"));
        create(body)
                .statusCode(400)
                .body("field", equalTo("equipment[1]"))
                .body("detail", containsString("trampoline"));
        assertNotCreated((String) body.get("slug"));
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = CatalogApi.slug("taken");
        api.createId(EXERCISES, CatalogApi.exercise(slug));
        var again = CatalogApi.exercise(slug);
        again.put("name", "Another exercise with the same slug");
        create(again)
                .statusCode(409)
                .body("violations[0].field", equalTo("slug"))
                .body("violations[0].message", containsString("taken"));
        // The seed's slugs are taken too.
        create(CatalogApi.exercise("scapular-clocks")).statusCode(409);
    }

    @Test
    void writersRacingForOneSlugGetOneDraftAndConflicts() throws Exception {
        String slug = CatalogApi.slug("race");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.create(EXERCISES, CatalogApi.exercise(slug)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var status : statuses) {
                codes.add(status.get());
            }
            org.assertj.core.api.Assertions.assertThat(codes).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDefaultDosageOutsideItsBoundsIsRefused() {
        var body = CatalogApi.exercise(CatalogApi.slug("out-of-bounds"));
        body.put("defaultDosage", Map.of("sets", 9, "reps", 8, "holdSeconds", 2));
        create(body).statusCode(400).body("violations[0].field", equalTo("defaultDosage.sets"));
        assertNotCreated((String) body.get("slug"));
    }

    @Test
    void aVariantMustBeAnExistingExercise() {
        var body = CatalogApi.exercise(CatalogApi.slug("variant"));
        body.put("harderVariantId", UUID.randomUUID().toString());
        create(body).statusCode(400).body("violations[0].field", equalTo("harderVariantId"));
    }

    @Test
    void malformedJsonAndMissingFieldsAreProblems() {
        given().auth()
                .oauth2(api.editor)
                .contentType(ContentType.JSON)
                .body("{\"slug\": ")
                .post(EXERCISES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(api.editor)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(EXERCISES)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("steps"));
        var badSlug = CatalogApi.exercise("Not A Slug");
        create(badSlug).statusCode(400).body("violations[0].field", equalTo("slug"));
    }

    @Test
    void aPatchIsValidatedWholeAndLeavesTheDraftUnchangedWhenBad() {
        String slug = CatalogApi.slug("patched");
        String id = api.createId(EXERCISES, CatalogApi.exercise(slug));
        String etag = api.etag(EXERCISES, id);

        given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body(Map.of("steps", List.of(), "defaultDosage", Map.of("holdSeconds", -5)))
                .patch(EXERCISES + "/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("steps"))
                .body("violations.field", hasItem("defaultDosage.holdSeconds"));
        given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body(Map.of("equipment", List.of("trampoline")))
                .patch(EXERCISES + "/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(api.editor)
                .get(EXERCISES + "/" + id + "/draft")
                .then()
                .header("ETag", equalTo(etag))
                .body("content.steps.size()", equalTo(2));

        given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body(Map.of("defaultDosage", Map.of("reps", 10)))
                .patch(EXERCISES + "/" + id)
                .then()
                .statusCode(200)
                .body("content.defaultDosage.reps", equalTo(10))
                .body("content.defaultDosage.sets", equalTo(2));
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        given().get(EXERCISES + "?kind=yoga&equipment=trampoline")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("kind"))
                .body("violations.field", hasItem("equipment"))
                .body("violations.in", hasItem("query"));
        given().get(EXERCISES + "?size=1000")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].in", equalTo("query"));
    }

    private void assertNotCreated(String slug) {
        given().auth()
                .oauth2(api.editor)
                .get(EXERCISES + "?status=draft&q=" + slug)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }
}
