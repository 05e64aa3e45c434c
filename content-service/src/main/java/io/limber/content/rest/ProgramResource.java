package io.limber.content.rest;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.limber.content.config.CatalogConfig;
import io.limber.content.domain.EntryType;
import io.limber.content.domain.WorkflowState;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.DraftView;
import io.limber.content.model.Page;
import io.limber.content.model.ProgramContent;
import io.limber.content.model.ProgramView;
import io.limber.content.model.RevisionSummary;
import io.limber.content.model.SendBack;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogFilter;
import io.limber.content.service.CatalogReader;
import io.limber.content.service.CatalogService;
import io.limber.content.service.ProgramKind;
import io.limber.content.service.PublishedCache;
import io.limber.content.service.Roles;

@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Ordered sets of exercises, e.g. the desk-break program movement prompts suggest")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "400",
        description = "Invalid input; field-level detail in violations",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
@APIResponse(responseCode = "401", description = "The bearer token is missing, expired or not trusted")
public class ProgramResource {

    static final String CREATE_EXAMPLE = """
            {"slug": "morning-reset", "name": "Morning reset", "purpose": "Two gentle moves to start the day.",
             "items": [{"exerciseId": "6f1c2a10-0003-4c1e-9a01-0a0b0c0d0e03",
                        "dosage": {"sets": 1, "reps": 5, "holdSeconds": 5}},
                       {"exerciseId": "6f1c2a10-0006-4c1e-9a01-0a0b0c0d0e06",
                        "dosage": {"sets": 1, "reps": 3, "holdSeconds": 3}}],
             "estimatedMinutes": 4, "tags": ["desk-break"]}""";

    private final CatalogReader reader;
    private final CatalogService catalog;
    private final ContentMapper mapper;
    private final CatalogConfig config;
    private final Caller caller;
    private final PublishedCache cache;
    private final ProgramKind kind;

    ProgramResource(
            CatalogReader reader,
            CatalogService catalog,
            ContentMapper mapper,
            CatalogConfig config,
            Caller caller,
            PublishedCache cache,
            ProgramKind kind) {
        this.reader = reader;
        this.catalog = catalog;
        this.mapper = mapper;
        this.config = config;
        this.caller = caller;
        this.cache = cache;
        this.kind = kind;
    }

    @GET
    @PermitAll
    // Public reads: no token needed, yet one that is sent is verified, so both sets are declared.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @Operation(
            operationId = "listPrograms",
            summary = "List and search programs",
            description = "Published programs, ordered by name then id, for everyone. Editors and reviewers"
                    + " may pass status to list working copies in that workflow state instead.")
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
        if (state.isPresent()) {
            caller.requireMaintainer("working copies");
            return Response.ok(reader.workingCopies(filter))
                    .cacheControl(Responses.privateNoCache())
                    .build();
        }
        return Responses.published(
                headers,
                cache.get("program-list:" + filter, () -> mapper.bytes(reader.publishedPrograms(filter))),
                config.publishedMaxAge(),
                false);
    }

    @GET
    // Named {id} like PUT and PATCH on the same path (OpenAPI allows one template per path);
    // a slug works here too.
    @Path("/{id}")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @Operation(operationId = "getProgram", summary = "Get the current published revision of a program, by id or slug")
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
    @Path("/{key}/revisions")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @Operation(operationId = "listProgramRevisions", summary = "List the published revisions of a program")
    @APIResponse(
            responseCode = "200",
            description = "Every revision, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionSummary.class)))
    @APIResponse(responseCode = "404", description = "No published program has this id or slug")
    public Response revisions(@PathParam("key") String key, @Context HttpHeaders headers) {
        return Responses.published(
                headers,
                cache.get("program-revisions:" + key, () -> mapper.bytes(reader.revisions(EntryType.PROGRAM, key))),
                config.publishedMaxAge(),
                false);
    }

    @GET
    @Path("/{key}/revisions/{revision}")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @Operation(
            operationId = "getProgramRevision",
            summary = "Get one published revision of a program",
            description = "Revisions never change, so they are cacheable for long; retired programs keep theirs.")
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

    @GET
    @Path("/{key}/draft")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @Operation(
            operationId = "getProgramDraft",
            summary = "Get the working copy of a program, with its workflow state and the ETag to edit it")
    @APIResponse(
            responseCode = "200",
            description = "The working copy",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not an editor or reviewer")
    @APIResponse(responseCode = "404", description = "No program has this id or slug")
    public Response draft(@PathParam("key") String key) {
        return Responses.draftOk(reader.draft(EntryType.PROGRAM, key));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProgram", summary = "Create a program as a draft")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ProgramContent.class),
                            examples = @ExampleObject(name = "a chest stretch", value = CREATE_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the working copy, ETag its version",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not a content editor")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull @Valid ProgramContent content) {
        CatalogEntry entry = catalog.create(kind, content, caller.id());
        return Responses.draftCreated(URI.create("/api/v1/programs/" + entry.id + "/draft"), mapper.draftView(entry));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceProgram",
            summary = "Replace the working copy",
            description = "Needs If-Match with the working copy's ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The new working copy, back in draft",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken, or the program is in review")
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed it since")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProgramContent content) {
        return Responses.draftOk(mapper.draftView(catalog.replace(kind, id, content, ifMatch, caller.id())));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchProgram",
            summary = "Change part of the working copy",
            description = "A JSON Merge Patch (RFC 7396); the result is validated whole. Needs If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The new working copy, back in draft",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch)
            throws IOException {
        return Responses.draftOk(mapper.draftView(catalog.patch(kind, id, patch, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "submitProgram", summary = "Submit a draft for clinical review")
    @APIResponse(
            responseCode = "200",
            description = "Now in review",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "If-Match is given and stale: someone changed it since")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.submit(kind, id, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            operationId = "approveProgram",
            summary = "Approve a change in review",
            description = "Its author or submitter may not approve it.")
    @APIResponse(
            responseCode = "200",
            description = "Approved, ready to publish",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not a reviewer, or approving one's own change")
    @APIResponse(responseCode = "409", description = "Not in review")
    @APIResponse(responseCode = "412", description = "If-Match is given and stale: someone changed it since")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.approve(kind, id, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/send-back")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendBackProgram", summary = "Send a change back to its editor with a comment")
    @APIResponse(
            responseCode = "200",
            description = "Back in draft, with the comment",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not in review or approved")
    @APIResponse(responseCode = "412", description = "If-Match is given and stale: someone changed it since")
    public Response sendBack(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SendBack body) {
        return Responses.draftOk(mapper.draftView(catalog.sendBack(kind, id, body.comment(), ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @Operation(
            operationId = "publishProgram",
            summary = "Publish an approved change as a new revision",
            description =
                    "Re-emits the snapshots of its exercises (their programs change) to limber.catalog.exercises.v1.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not approved")
    @APIResponse(responseCode = "412", description = "If-Match is given and stale: someone changed it since")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.publish(kind, id, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @Operation(
            operationId = "retireProgram",
            summary = "Retire a published program",
            description =
                    "It leaves lists and current reads; its revisions stay readable. Re-emits the snapshots of its exercises.")
    @APIResponse(
            responseCode = "200",
            description = "Retired",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not published")
    @APIResponse(responseCode = "412", description = "If-Match is given and stale: someone changed it since")
    public Response retire(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.retire(kind, id, ifMatch, caller.id())));
    }
}
