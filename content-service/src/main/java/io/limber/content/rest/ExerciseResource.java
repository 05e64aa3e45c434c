package io.limber.content.rest;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.content.domain.EntryType;
import io.limber.content.domain.Equipment;
import io.limber.content.domain.Kind;
import io.limber.content.domain.Position;
import io.limber.content.domain.Region;
import io.limber.content.domain.WorkflowState;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ExerciseView;
import io.limber.content.model.Page;
import io.limber.content.repository.CatalogFilter;
import io.limber.content.service.CatalogReader;
import io.limber.content.service.ExerciseKind;
import io.limber.content.service.PublishedCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/exercises")
@Tag(name = "Exercises", description = "The exercise catalog and its review workflow")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "400",
        description = "Invalid input; field-level detail in violations",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
@APIResponse(responseCode = "401", description = "The bearer token is missing, expired or not trusted")
public class ExerciseResource extends WorkflowResource<ExerciseContent> {

    ExerciseResource(EntryEndpoints endpoints, ExerciseKind kind) {
        super(kind, "/api/v1/exercises", endpoints);
    }

    @GET
    @PermitAll
    // Public reads: no token needed, yet one that is sent is verified, so both sets are declared.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(
            responseCode = "200",
            description = "One page of exercises with the total count",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(
            responseCode = "403",
            description = "status was asked for by a caller who is not an editor or reviewer")
    public Response list(
            @Parameter(description = "stretch, strengthen, mobility or movement-break") @QueryParam("kind") String kind,
            @Parameter(description = "A target region, e.g. thoracic-spine") @QueryParam("region") String region,
            @Parameter(description = "Needed equipment, e.g. wall; none for exercises that need nothing")
                    @QueryParam("equipment")
                    String equipment,
            @Parameter(description = "lying, seated or standing") @QueryParam("position") String position,
            @Parameter(description = "A tag, e.g. desk-friendly") @QueryParam("tag") String tag,
            @Parameter(description = "Free text searched in name and summary") @QueryParam("q") String q,
            @Parameter(description = "Editors and reviewers: working copies in this workflow state")
                    @QueryParam("status")
                    String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Context HttpHeaders headers) {
        Filters filters = new Filters();
        var kindValue = filters.parse("kind", kind, Kind.class);
        var regionValue = filters.parse("region", region, Region.class);
        boolean noEquipment = "none".equals(equipment);
        var equipmentValue =
                noEquipment ? Optional.<Equipment>empty() : filters.parse("equipment", equipment, Equipment.class);
        var positionValue = filters.parse("position", position, Position.class);
        var state = filters.parse("status", status, WorkflowState.class);
        var tagValue = filters.text("tag", tag);
        var textValue = filters.text("q", q);
        filters.check();
        CatalogFilter filter = new CatalogFilter(
                EntryType.EXERCISE,
                state,
                kindValue.map(Kind::code),
                regionValue.map(Region::code),
                equipmentValue.map(Equipment::code),
                noEquipment,
                positionValue.map(Position::code),
                tagValue,
                textValue,
                page,
                size);
        return page(filter, headers, reader::publishedExercises);
    }

    @GET
    // Named {id} like PUT and PATCH on the same path (OpenAPI allows one template per path);
    // a slug works here too.
    @Path("/{id}")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(
            responseCode = "200",
            description = "The exercise, with a strong ETag and Cache-Control",
            content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No published exercise has this id or slug")
    @APIResponse(responseCode = "410", description = "Retired; its past revisions remain readable")
    public Uni<Response> get(
            @Parameter(description = "The exercise's id, or its slug") @PathParam("id") String key,
            @Context HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        String cacheKey = "exercise:" + key + "|" + accept;
        PublishedCache.Rendered hot = cache.peek(cacheKey);
        if (hot != null) {
            // The portal's hottest read: answered on the I/O thread, without a hop to a worker.
            return Uni.createFrom().item(Responses.published(headers, hot, config.publishedMaxAge(), false));
        }
        return Uni.createFrom()
                .item(() -> Responses.published(
                        headers,
                        cache.getLocalized(
                                cacheKey,
                                () -> QuarkusTransaction.joiningExisting()
                                        .call(() -> body(reader.exercise(key, accept)))),
                        config.publishedMaxAge(),
                        false))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private PublishedCache.Body body(CatalogReader.Localized<?> read) {
        return new PublishedCache.Body(mapper.bytes(read.view()), read.language());
    }

    @GET
    @Path("/{key}/revisions/{revision}")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(
            responseCode = "200",
            description = "The revision",
            content = @Content(schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such exercise or revision")
    public Response revision(
            @PathParam("key") String key, @PathParam("revision") @Min(1) int revision, @Context HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        return Responses.published(
                headers,
                cache.getLocalized(
                        "exercise:" + key + "@" + revision + "|" + accept,
                        () -> body(reader.exerciseRevision(key, revision, accept))),
                config.revisionMaxAge(),
                true);
    }
}
