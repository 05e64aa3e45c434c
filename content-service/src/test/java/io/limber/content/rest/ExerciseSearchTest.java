package io.limber.content.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.quarkus.test.junit.QuarkusTest;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Each test publishes its own exercises under a fresh tag, so other tests' content never leaks in. */
@QuarkusTest
class ExerciseSearchTest {

    final CatalogApi api = new CatalogApi();
    String tag;
    String word;

    @BeforeEach
    void freshTag() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        tag = "t" + unique;
        word = "zq" + unique;
    }

    private String publish(String name, String kind, List<String> regions, List<String> equipment, String position) {
        var body = CatalogApi.exercise(CatalogApi.slug("search"));
        body.put("name", name);
        body.put("kind", kind);
        body.put("regions", regions);
        body.put("equipment", equipment);
        body.put("position", position);
        body.put("tags", List.of(tag));
        return api.createAndPublish(EXERCISES, body);
    }

    private List<String> names(String query) {
        return given().get(EXERCISES + "?tag=" + tag + query)
                .then()
                .statusCode(200)
                .extract()
                .path("items.name");
    }

    @Test
    void filtersByKindRegionEquipmentPositionAndText() {
        publish("Alpha " + word, "stretch", List.of("chest"), List.of("wall"), "standing");
        publish("Bravo", "strengthen", List.of("upper-back"), List.of("resistance-band", "door-anchor"), "standing");
        publish("Charlie", "mobility", List.of("thoracic-spine"), List.of(), "lying");

        assertThat(names(""), "Alpha " + word, "Bravo", "Charlie");
        assertThat(names("&kind=strengthen"), "Bravo");
        assertThat(names("&region=thoracic-spine"), "Charlie");
        assertThat(names("&equipment=resistance-band"), "Bravo");
        assertThat(names("&equipment=none"), "Charlie");
        assertThat(names("&position=standing"), "Alpha " + word, "Bravo");
        assertThat(names("&q=" + word.toUpperCase()), "Alpha " + word);
        assertThat(names("&q=shoulder blades"), "Alpha " + word, "Bravo", "Charlie"); // matches the summary
        assertThat(names("&kind=stretch&position=lying"));
    }

    @Test
    void draftsAreNotListedForReaders() {
        publish("Published one", "stretch", List.of("chest"), List.of(), "seated");
        var draft = CatalogApi.exercise(CatalogApi.slug("draft"));
        draft.put("tags", List.of(tag));
        api.createId(EXERCISES, draft);

        assertThat(names(""), "Published one");
    }

    @Test
    void pagesAreStableAndCarryTheTotal() {
        List<String> expected = new ArrayList<>();
        for (String name : List.of("Echo", "Alpha", "Delta", "Bravo", "Charlie")) {
            publish(name, "stretch", List.of("neck"), List.of(), "seated");
        }
        expected.addAll(List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo"));

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> items = given().get(EXERCISES + "?tag=" + tag + "&size=2&page=" + page)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(5))
                    .body("page", equalTo(page))
                    .body("size", equalTo(2))
                    .extract()
                    .path("items.name");
            seen.addAll(items);
        }
        org.assertj.core.api.Assertions.assertThat(seen).containsExactlyElementsOf(expected);
        given().get(EXERCISES + "?tag=" + tag + "&size=2&page=3")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(5));
    }

    @Test
    void listsCarryTheProgramsAnExerciseBelongsTo() {
        given().get(EXERCISES + "?tag=desk-friendly&equipment=none")
                .then()
                .statusCode(200)
                .body("items.slug", contains("scapular-clocks"))
                .body("items[0].programs.slug", containsInAnyOrder("desk-break", "upper-back-relief"));
    }

    private static void assertThat(List<String> actual, String... expected) {
        org.assertj.core.api.Assertions.assertThat(actual).containsExactly(expected);
    }
}
