package io.limber.content.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The first catalog is there on first start, published as revision 1, for anyone to read. */
@QuarkusTest
class SeedCatalogTest {

    @ParameterizedTest
    @CsvSource({
        "open-book-rotation, stretch, lying, each-side, yoga-mat",
        "standing-chest-stretch, stretch, standing, each-side, wall",
        "seated-cat-cow, stretch, seated, bilateral, chair",
        "resistance-band-shoulder-row, strengthen, standing, bilateral, door-anchor",
        "resisted-shoulder-external-rotation, strengthen, standing, each-side, resistance-band",
    })
    void seededExercisesArePublished(String slug, String kind, String position, String laterality, String equipment) {
        given().get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("kind", equalTo(kind))
                .body("position", equalTo(position))
                .body("laterality", equalTo(laterality))
                .body("equipment", hasItem(equipment))
                .body("steps.size()", not(equalTo(0)))
                .body("author.credentials", equalTo("PT, DPT"))
                .body("reviewers.credentials", hasItem("MD, orthopedic surgeon"))
                .body("citations.size()", not(equalTo(0)))
                .body("disclaimer", containsString("not medical advice"))
                .body("programs.slug", hasItem("upper-back-relief"))
                .body("publishedAt", notNullValue());
    }

    /** The second seed file: plain breaks a movement prompt falls back to, in no program. */
    @ParameterizedTest
    @CsvSource({
        "stand-up-and-walk, standing, 1, , 120",
        "look-away-and-roll-the-shoulders, seated, 1, 10, ",
        "stand-and-reach, standing, 1, 5, 5",
    })
    void seededMovementBreaksArePublishedAndNeedNoEquipment(
            String slug, String position, int sets, Integer reps, Integer holdSeconds) {
        given().get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("kind", equalTo("movement-break"))
                .body("position", equalTo(position))
                .body("equipment", empty())
                .body("defaultDosage.sets", equalTo(sets))
                .body("defaultDosage.reps", equalTo(reps))
                .body("defaultDosage.holdSeconds", equalTo(holdSeconds))
                .body("steps.size()", not(equalTo(0)))
                .body("safetyNotes.size()", not(equalTo(0)))
                .body("author.credentials", equalTo("PT, DPT"))
                .body("reviewers.credentials", hasItem("MD, orthopedic surgeon"))
                .body("citations.size()", not(equalTo(0)))
                .body("disclaimer", containsString("not medical advice"))
                .body("programs", empty());
    }

    @Test
    void theKindFilterFindsTheMovementBreaksAndOnlyThem() {
        given().get(EXERCISES + "?kind=movement-break&size=100")
                .then()
                .statusCode(200)
                .body(
                        "items.slug",
                        hasItems("look-away-and-roll-the-shoulders", "stand-and-reach", "stand-up-and-walk"))
                .body("items.kind", everyItem(equalTo("movement-break")));
        given().get(EXERCISES + "?kind=stretch&size=100")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem("seated-cat-cow"))
                .body("items.slug", not(hasItem("stand-up-and-walk")));
    }

    @ParameterizedTest
    @CsvSource({"resistance-band-shoulder-row", "resisted-shoulder-external-rotation"})
    void bandExercisesWarnAboutTheDoorAnchor(String slug) {
        given().get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .body("safetyNotes[0]", containsString("door closes toward"));
    }
}
