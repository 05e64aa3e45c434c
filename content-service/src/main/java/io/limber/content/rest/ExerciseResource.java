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
import io.limber.content.domain.Equipment;
import io.limber.content.domain.Kind;
import io.limber.content.domain.Position;
import io.limber.content.domain.Region;
import io.limber.content.domain.WorkflowState;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.DraftView;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ExerciseView;
import io.limber.content.model.Page;
import io.limber.content.model.RevisionSummary;
import io.limber.content.model.SendBack;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogFilter;
import io.limber.content.service.CatalogReader;
import io.limber.content.service.CatalogService;
import io.limber.content.service.ExerciseKind;
import io.limber.content.service.PublishedCache;
import io.limber.content.service.Roles;
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
public class ExerciseResource {

    static final String CREATE_EXAMPLE = """
            {"slug": "doorway-pec-stretch", "name": "Doorway chest stretch", "kind": "stretch",
             "summary": "Opens the chest after long hours at a keyboard.",
             "regions": ["chest", "shoulders"], "equipment": [], "position": "standing",
             "laterality": "bilateral", "startPosition": "Stand in a doorway, forearms on the frame.",
             "steps": ["Step one foot forward until the chest opens.", "Hold, breathing easily.", "Step back."],
             "mayFeel": ["A stretch across the chest"], "safetyNotes": ["Stop if the arms tingle."],
             "defaultDosage": {"sets": 2, "reps": 1, "holdSeconds": 30},
             "dosageBounds": {"min": {"sets": 1, "reps": 1, "holdSeconds": 15},
                              "max": {"sets": 3, "reps": 2, "holdSeconds": 60}},
             "author": {"name": "A. Therapist", "credentials": "PT, DPT"}, "tags": ["desk-friendly"]}""";

    private final CatalogReader reader;
    private final CatalogService catalog;
    private final ContentMapper mapper;
    private final CatalogConfig config;
    private final Caller caller;
    private final PublishedCache cache;
    private final ExerciseKind kind;

    ExerciseResource(
            CatalogReader reader,
            CatalogService catalog,
            ContentMapper mapper,
            CatalogConfig config,
            Caller caller,
            PublishedCache cache,
            ExerciseKind kind) {
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
            operationId = "listExercises",
            summary = "List and search exercises",
            description = "Published exercises, ordered by name then id, for everyone. Editors and reviewers"
                    + " may pass status to list working copies in that workflow state instead.")
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
        if (state.isPresent()) {
            caller.requireMaintainer("working copies");
            return Response.ok(reader.workingCopies(filter))
                    .cacheControl(Responses.privateNoCache())
                    .build();
        }
        return Responses.published(
                headers,
                cache.get("exercise-list:" + filter, () -> mapper.bytes(reader.publishedExercises(filter))),
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
    @Operation(
            operationId = "getExercise",
            summary = "Get the current published revision of an exercise, by id or slug",
            description = "In the language Accept-Language prefers among its translations, else English;"
                    + " Content-Language names it.")
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
    @Path("/{key}/revisions")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @Operation(operationId = "listExerciseRevisions", summary = "List the published revisions of an exercise")
    @APIResponse(
            responseCode = "200",
            description = "Every revision, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionSummary.class)))
    @APIResponse(responseCode = "404", description = "No published exercise has this id or slug")
    public Response revisions(@PathParam("key") String key, @Context HttpHeaders headers) {
        return Responses.published(
                headers,
                cache.get("exercise-revisions:" + key, () -> mapper.bytes(reader.revisions(EntryType.EXERCISE, key))),
                config.publishedMaxAge(),
                false);
    }

    @GET
    @Path("/{key}/revisions/{revision}")
    @PermitAll
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @Operation(
            operationId = "getExerciseRevision",
            summary = "Get one published revision of an exercise",
            description = "Revisions never change, so they are cacheable for long; retired exercises keep theirs.")
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

    @GET
    @Path("/{key}/draft")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @Operation(
            operationId = "getExerciseDraft",
            summary = "Get the working copy of an exercise, with its workflow state and the ETag to edit it")
    @APIResponse(
            responseCode = "200",
            description = "The working copy",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not an editor or reviewer")
    @APIResponse(responseCode = "404", description = "No exercise has this id or slug")
    public Response draft(@PathParam("key") String key) {
        return Responses.draftOk(reader.draft(EntryType.EXERCISE, key));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createExercise", summary = "Create an exercise as a draft")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = ExerciseContent.class),
                            examples = @ExampleObject(name = "a chest stretch", value = CREATE_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the working copy, ETag its version",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not a content editor")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull @Valid ExerciseContent content) {
        CatalogEntry entry = catalog.create(kind, content, caller.id());
        return Responses.draftCreated(URI.create("/api/v1/exercises/" + entry.id + "/draft"), mapper.draftView(entry));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceExercise",
            summary = "Replace the working copy",
            description = "Needs If-Match with the working copy's ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The new working copy, back in draft",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken, or the exercise is in review")
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed it since")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ExerciseContent content) {
        return Responses.draftOk(mapper.draftView(catalog.replace(kind, id, content, ifMatch, caller.id())));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchExercise",
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
    @Operation(operationId = "submitExercise", summary = "Submit a draft for clinical review")
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
            operationId = "approveExercise",
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
    @Operation(operationId = "sendBackExercise", summary = "Send a change back to its editor with a comment")
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
            operationId = "publishExercise",
            summary = "Publish an approved change as a new revision",
            description = "Emits the exercise's snapshot to limber.catalog.exercises.v1.")
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
            operationId = "retireExercise",
            summary = "Retire a published exercise",
            description = "It leaves lists and current reads; its revisions stay readable. Emits a tombstone.")
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
