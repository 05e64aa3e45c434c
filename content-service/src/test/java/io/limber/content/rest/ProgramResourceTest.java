package io.limber.content.rest;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.quarkus.test.junit.QuarkusTest;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.limber.content.CatalogApi.PROGRAMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ProgramResourceTest {

    final CatalogApi api = new CatalogApi();

    @Test
    void theSeededDeskBreakProgramIsPublicAndTagged() {
        given().get(PROGRAMS + "/desk-break")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("revision", equalTo(1))
                .body("tags", contains("desk-break"))
                .body("items.exerciseSlug", contains("standing-chest-stretch", "seated-cat-cow", "scapular-clocks"))
                .body("estimatedMinutes", equalTo(5));
        given().get(PROGRAMS + "?tag=desk-break").then().statusCode(200).body("items.slug", hasItem("desk-break"));
        given().get(PROGRAMS + "/upper-back-relief").then().statusCode(200).body("items.size()", equalTo(6));
    }

    @Test
    void aProgramNeedsExistingExercisesAndPublishedOnesToBePublished() {
        given().auth()
                .oauth2(api.editor)
                .contentType("application/json")
                .body(CatalogApi.program(
                        CatalogApi.slug("ghost"), List.of(UUID.randomUUID().toString()), List.of()))
                .post(PROGRAMS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("items[0].exerciseId"));

        String draftExercise = api.createId(EXERCISES, CatalogApi.exercise(CatalogApi.slug("not-yet")));
        String program =
                api.createId(PROGRAMS, CatalogApi.program(CatalogApi.slug("early"), List.of(draftExercise), List.of()));
        api.action(PROGRAMS, program, "submit", api.editor).then().statusCode(200);
        api.action(PROGRAMS, program, "approve", api.reviewer).then().statusCode(200);
        api.action(PROGRAMS, program, "publish", api.reviewer)
                .then()
                .statusCode(409)
                .body("violations[0].field", equalTo("items[0].exerciseId"));

        api.publish(EXERCISES, draftExercise);
        api.action(PROGRAMS, program, "publish", api.reviewer).then().statusCode(200);
        given().get(PROGRAMS + "/" + program)
                .then()
                .statusCode(200)
                .body("items[0].exerciseId", equalTo(draftExercise));
        given().get(EXERCISES + "/" + draftExercise).then().statusCode(200).body("programs.id", contains(program));
    }
}
