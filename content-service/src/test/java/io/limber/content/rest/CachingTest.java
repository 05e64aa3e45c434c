package io.limber.content.rest;

import org.junit.jupiter.api.Test;

import io.limber.content.CatalogApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.limber.content.CatalogApi.EXERCISES;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CachingTest {

    final CatalogApi api = new CatalogApi();

    @Test
    void publishedReadsCarryAStrongETagAndAnswer304WhenUnchanged() {
        String slug = CatalogApi.slug("cached");
        var body = CatalogApi.exercise(slug);
        String id = api.createAndPublish(EXERCISES, body);

        String etag = given().get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age="))
                .extract()
                .header("ETag");

        given().header("If-None-Match", etag)
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyString());
        given().header("If-None-Match", "W/" + etag + ", \"other\"")
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"stale\"")
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200);

        // A new revision is a new representation: the old tag no longer matches.
        body.put("summary", "Reworded.");
        api.replace(EXERCISES, id, body).then().statusCode(200);
        api.publish(EXERCISES, id);
        given().header("If-None-Match", etag)
                .get(EXERCISES + "/" + slug)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("revision", equalTo(2));
    }

    @Test
    void listsAndRevisionsAreCacheableToo() {
        String etag = given().get(EXERCISES + "?tag=desk-friendly")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get(EXERCISES + "?tag=desk-friendly")
                .then()
                .statusCode(304);

        String revisionTag = given().get(EXERCISES + "/open-book-rotation/revisions/1")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", revisionTag)
                .get(EXERCISES + "/open-book-rotation/revisions/1")
                .then()
                .statusCode(304);
    }

    @Test
    void anUpdateNeedsACurrentIfMatch() {
        var body = CatalogApi.exercise(CatalogApi.slug("if-match"));
        String id = api.createId(EXERCISES, body);
        String etag = api.etag(EXERCISES, id);

        body.put("name", "Without If-Match");
        given().auth()
                .oauth2(api.editor)
                .contentType(ContentType.JSON)
                .body(body)
                .put(EXERCISES + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");

        body.put("name", "First writer");
        String next = given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .put(EXERCISES + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .extract()
                .header("ETag");

        // A second writer who read the old version is stopped, for a full and a partial update.
        body.put("name", "Second writer");
        given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .put(EXERCISES + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"name\": \"Second writer\"}")
                .patch(EXERCISES + "/" + id)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(api.editor)
                .header("If-Match", etag)
                .post(EXERCISES + "/" + id + "/submit")
                .then()
                .statusCode(412);

        given().auth()
                .oauth2(api.editor)
                .get(EXERCISES + "/" + id + "/draft")
                .then()
                .header("ETag", equalTo(next))
                .header("Cache-Control", containsString("private"))
                .body("content.name", equalTo("First writer"));
    }
}
