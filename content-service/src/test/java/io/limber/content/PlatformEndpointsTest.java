package io.limber.content;

import org.junit.jupiter.api.Test;

import io.limber.infra.test.PlatformEndpointsTestBase;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsTestBase {

    PlatformEndpointsTest() {
        super("content-service");
    }

    @Test
    void documentsTheCatalogApiWithProblemResponses() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/exercises"))
                .body("paths", hasKey("/api/v1/exercises/{key}/revisions/{revision}"))
                .body("paths", hasKey("/api/v1/programs/{id}/publish"))
                .body("paths.'/api/v1/exercises/{id}'.put.responses.'412'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/exercises'.post.requestBody.content.'application/json'.examples", notNullValue());
    }
}
