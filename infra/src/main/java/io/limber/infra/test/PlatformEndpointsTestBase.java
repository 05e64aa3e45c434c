package io.limber.infra.test;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What every service serves besides its API: health, its OpenAPI document, metrics, and problem+json
 * for a path it does not have. A service's {@code @QuarkusTest} subclass names the service.
 */
public abstract class PlatformEndpointsTestBase {

    private final String service;

    /** @param service the name the OpenAPI document's title gives, e.g. "session-service" */
    protected PlatformEndpointsTestBase(String service) {
        this.service = service;
    }

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Limber " + service));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathsAnswerWithProblemJson() {
        given().when()
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
