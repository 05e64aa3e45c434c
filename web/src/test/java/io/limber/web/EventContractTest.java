package io.limber.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A consumer fetches the AsyncAPI document and the schemas of the types this service produces, and only those. */
@QuarkusTest
class EventContractTest {

    @Test
    void theAsyncApiDocumentIsServedAsYaml() {
        given().get("/api/v1/events/asyncapi.yaml")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("asyncapi: "));
    }

    @Test
    void theSchemaOfAProducedTypeIsServedAsJsonSchema() {
        given().get("/api/v1/events/schemas/limber.session.completed.v1.json")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/schema+json"))
                .body(containsString("\"$schema\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // A type the events module has a schema of, but this service does not produce.
        "limber.prompt.due.v1.json, is not the schema of an event type this service produces",
        // Not a schema file name at all: never looked up on the class path.
        "asyncapi.yaml, is not the schema of an event type this service produces",
        "limber.session.completed.v0.json, is not the schema of an event type this service produces",
        // Produced, but the build has no schema for it.
        "limber.never.written.v1.json, No schema limber.never.written.v1.json",
    })
    void anythingElseIs404Problem(String file, String detail) {
        given().get("/api/v1/events/schemas/{file}", file)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", containsString(detail));
    }
}
