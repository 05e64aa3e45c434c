package io.limber.content.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.quarkus.test.junit.QuarkusTest;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TranslationTest {

    final CatalogApi api = new CatalogApi();

    @Test
    void readersGetTheTranslationTheyPreferElseEnglish() {
        String slug = CatalogApi.slug("translated");
        var body = CatalogApi.exercise(slug);
        body.put(
                "translations",
                Map.of(
                        "de",
                        Map.of(
                                "name", "Wandengel",
                                "summary", "Arme an der Wand nach oben schieben.",
                                "steps", List.of("Arme nach oben schieben.", "Arme wieder senken."))));
        api.createAndPublish(EXERCISES, body);

        String german = given().header("Accept-Language", "de-DE, de;q=0.9, en;q=0.5")
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "de")
                .header("Vary", containsString("Accept-Language"))
                .body("name", equalTo("Wandengel"))
                .body("steps[1]", equalTo("Arme wieder senken."))
                .body("startPosition", equalTo(body.get("startPosition")))
                .body("translations", nullValue())
                .extract()
                .header("ETag");

        String english = given().header("Accept-Language", "fr")
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("name", equalTo(body.get("name")))
                .extract()
                .header("ETag");
        given().header("Accept-Language", "en, de;q=0.8")
                .get(EXERCISES + "/" + slug)
                .then()
                .header("Content-Language", "en");
        given().get(EXERCISES + "/" + slug + "/revisions/1")
                .then()
                .header("Content-Language", "en")
                .body("name", equalTo(body.get("name")));
        org.assertj.core.api.Assertions.assertThat(german).isNotEqualTo(english);
        given().header("Accept-Language", "de")
                .header("If-None-Match", german)
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(304);
        given().header("Accept-Language", "fr")
                .header("If-None-Match", german)
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(german)));
    }

    @Test
    void aTranslationMustMatchTheStepsAndNameItsLanguage() {
        var body = CatalogApi.exercise(CatalogApi.slug("bad-translation"));
        body.put(
                "translations",
                Map.of("de", Map.of("name", "Wandengel", "summary", "Kurz.", "steps", List.of("Nur ein Schritt."))));
        api.create(EXERCISES, body)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("translations.de.steps"));

        body.put("translations", Map.of("German", Map.of("name", "Wandengel", "summary", "Kurz.")));
        api.create(EXERCISES, body).then().statusCode(400).contentType("application/problem+json");
    }
}
