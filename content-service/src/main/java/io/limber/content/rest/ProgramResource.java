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
import io.limber.content.domain.WorkflowState;
import io.limber.content.model.Page;
import io.limber.content.model.ProgramContent;
import io.limber.content.model.ProgramView;
import io.limber.content.repository.CatalogFilter;
import io.limber.content.service.ProgramKind;

@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Ordered sets of exercises, e.g. the desk-break program movement prompts suggest")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "400",
        description = "Invalid input; field-level detail in violations",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
@APIResponse(responseCode = "401", description = "The bearer token is missing, expired or not trusted")
public class ProgramResource extends WorkflowResource<ProgramContent> {

    ProgramResource(EntryEndpoints endpoints, ProgramKind kind) {
        super(kind, "/api/v1/programs", endpoints);
    }

    @GET
    @PermitAll
    // Public reads: no token needed, yet one that is sent is verified, so both sets are declared.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(
            responseCode = "200",
            description = "One page of programs with the total count",
            content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(
            responseCode = "403",
            description = "status was asked for by a caller who is not an editor or reviewer")
    public Response list(
            @Parameter(description = "A tag, e.g. desk-break") @QueryParam("tag") String tag,
            @Parameter(description = "Free text searched in name and purpose") @QueryParam("q") String q,
            @Parameter(description = "Editors and reviewers: working copies in this workflow state")
                    @QueryParam("status")
                    String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Context HttpHeaders headers) {
        Filters filters = new Filters();
        var state = filters.parse("status", status, WorkflowState.class);
        var tagValue = filters.text("tag", tag);
        var textValue = filters.text("q", q);
        filters.check();
        CatalogFilter filter = new CatalogFilter(
                EntryType.PROGRAM,
                state,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                tagValue,
                textValue,
                page,
                size);
        return page(filter, headers, reader::publishedPrograms);
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
            description = "The program, with a strong ETag and Cache-Control",
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No published program has this id or slug")
    @APIResponse(responseCode = "410", description = "Retired; its past revisions remain readable")
    public Response get(
            @Parameter(description = "The program's id, or its slug") @PathParam("id") String key,
            @Context HttpHeaders headers) {
        return Responses.published(
                headers,
                cache.get("program:" + key, () -> mapper.bytes(reader.program(key))),
                config.publishedMaxAge(),
                false);
    }

    @GET
    @Path("/{key}/revisions/{revision}")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(
            responseCode = "200",
            description = "The revision",
            content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such program or revision")
    public Response revision(
            @PathParam("key") String key, @PathParam("revision") @Min(1) int revision, @Context HttpHeaders headers) {
        return Responses.published(
                headers,
                cache.get("program:" + key + "@" + revision, () -> mapper.bytes(reader.programRevision(key, revision))),
                config.revisionMaxAge(),
                true);
    }
}
