package io.limber.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Serves the event contract from the events module's class path, so consumers fetch the schema
 * that a record's {@code ce_dataschema} names from the service that produced the record.
 *
 * <p>The file names are those of {@code EventTypes.dataSchema}: {@code <type>.v<n>.json}. Only
 * the types in {@code limber.events.produced-types} are served: a schema is the producer's
 * promise, and a service that merely consumes a type cannot make it.
 */
@Path("/api/v1/events")
@Tag(
        name = "Event contract",
        description = "The AsyncAPI document and the JSON Schemas of the events this service produces")
@PermitAll
public class EventContractResource {

    static final String YAML = "application/yaml";
    static final String JSON_SCHEMA = "application/schema+json";
    private static final Pattern SCHEMA_FILE =
            Pattern.compile("([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)+)\\.v[1-9][0-9]*\\.json");

    private final List<String> producedTypes;

    EventContractResource(WebConfig.Events config) {
        this.producedTypes = config.producedTypes().orElse(List.of());
    }

    @GET
    @Path("asyncapi.yaml")
    @Produces(YAML)
    @SecurityRequirementsSet({})
    @Operation(
            operationId = "getAsyncApiDocument",
            summary = "The AsyncAPI 3 document of all Limber topics",
            description = "Its relative schema references resolve on the service that produces each event type.")
    @APIResponse(
            responseCode = "200",
            description = "The AsyncAPI document",
            content = @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "The service was built without the events module's document")
    public Response asyncApi() {
        byte[] document = resource("asyncapi.yaml");
        if (document == null) {
            throw notFound("No AsyncAPI document on the class path");
        }
        return Response.ok(document, YAML).build();
    }

    @GET
    @Path("schemas/{file}")
    @Produces(JSON_SCHEMA)
    @SecurityRequirementsSet({})
    @Operation(
            operationId = "getEventSchema",
            summary = "The JSON Schema of an event type this service produces",
            description = "The file a record's ce_dataschema names: https://schemas.limber.io/events/<file> is served"
                    + " here as /api/v1/events/schemas/<file>.")
    @APIResponse(
            responseCode = "200",
            description = "The JSON Schema (draft 2020-12)",
            content = @Content(mediaType = JSON_SCHEMA, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such schema, or an event type this service does not produce")
    public Response schema(
            @Parameter(
                            description = "<type>.v<n>.json, e.g. limber.session.completed.v1.json",
                            example = "limber.session.completed.v1.json")
                    @PathParam("file")
                    String file) {
        Matcher name = SCHEMA_FILE.matcher(file);
        if (!name.matches() || !producedTypes.contains(name.group(1))) {
            throw notFound(file + " is not the schema of an event type this service produces");
        }
        byte[] schema = resource("schemas/" + file);
        if (schema == null) {
            throw notFound("No schema " + file);
        }
        return Response.ok(schema, JSON_SCHEMA).build();
    }

    private static byte[] resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpProblem notFound(String detail) {
        return CommonProblem.NOT_FOUND.problem(detail);
    }
}
