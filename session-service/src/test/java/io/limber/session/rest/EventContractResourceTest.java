package io.limber.session.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.limber.events.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The event contract as a consumer fetches it: over HTTP, without a token. */
@QuarkusTest
class EventContractResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesTheAsyncApiDocumentOfTheEventsModule() throws IOException {
        Response response = given().get("/api/v1/events/asyncapi.yaml");

        response.then().statusCode(200).contentType("application/yaml");
        JsonNode served = new YAMLMapper().readTree(response.asByteArray());
        assertThat(served.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(served).isEqualTo(new YAMLMapper().readTree(classpath("asyncapi.yaml")));
    }

    // The served path is the last segment of the ce_dataschema URI the producers put on each record.
    @ParameterizedTest
    @ValueSource(strings = {EventTypes.SESSION_COMPLETED, EventTypes.TOLERANCE_REPORTED, EventTypes.MEMBER_ERASED})
    void servesTheSchemaThatCeDataschemaNamesForEachTypeItProduces(String type) throws IOException {
        String dataSchema = EventTypes.dataSchema(type, 1);
        String file = dataSchema.substring(dataSchema.lastIndexOf('/') + 1);

        Response response = given().get("/api/v1/events/schemas/{file}", file);

        response.then().statusCode(200).contentType("application/schema+json");
        JsonNode served = JSON.readTree(response.asByteArray());
        assertThat(served).isEqualTo(JSON.readTree(classpath("schemas/" + file)));
        assertThat(URI.create(served.path("$id").asText())).isEqualTo(URI.create(dataSchema));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limber.exercise.published.v1.json", // content-service's
                "limber.prompt.due.v1.json", // reminder-service's
                "limber.session.completed.v9.json", // no such version
                "asyncapi.yaml"
            })
    void answersNotFoundAsProblemJsonForWhatItDoesNotProduce(String file) {
        given().get("/api/v1/events/schemas/{file}", file)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static byte[] classpath(String path) throws IOException {
        try (InputStream in = EventContractResourceTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
