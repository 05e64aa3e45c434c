package io.limber.content.rest;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.limber.content.config.CatalogConfig;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.DraftView;
import io.limber.content.model.RevisionSummary;
import io.limber.content.model.SendBack;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogFilter;
import io.limber.content.service.CatalogReader;
import io.limber.content.service.CatalogService;
import io.limber.content.service.EntryKind;
import io.limber.content.service.PublishedCache;
import io.limber.content.service.Roles;
import io.limber.web.CurrentCaller;

/**
 * The editorial workflow of one kind of entry, the same for exercises and programs, and the reads
 * that are the same for both (the list's working copies, revision history): a subclass names the
 * path and the kind, and serves the reads that differ. Operation ids, summaries and the descriptions that name the kind
 * are in META-INF/openapi.yaml, per path, because annotations here would be the same for both.
 *
 * <p>The security requirements are declared here, not left to Quarkus to derive from
 * {@code @RolesAllowed} as elsewhere: it derives them (and the 403 it adds with them) only for
 * methods declared in the resource class itself, not inherited ones.
 *
 * @param <C> the content editors write
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class WorkflowResource<C> {

    private static final String STALE = "If-Match is given and stale: someone changed it since";

    private final EntryKind<C> kind;
    private final String path;
    private final String name;
    protected final CatalogReader reader;
    private final CatalogService catalog;
    protected final ContentMapper mapper;
    protected final CatalogConfig config;
    protected final PublishedCache cache;
    private final CurrentCaller caller;

    /** @param path where the subclass is mounted, for the Location of what it creates */
    WorkflowResource(EntryKind<C> kind, String path, EntryEndpoints endpoints) {
        this.kind = kind;
        this.path = path;
        this.name = kind.type().name().toLowerCase(Locale.ROOT);
        this.reader = endpoints.reader;
        this.catalog = endpoints.catalog;
        this.mapper = endpoints.mapper;
        this.config = endpoints.config;
        this.cache = endpoints.cache;
        this.caller = endpoints.caller;
    }

    /**
     * A page of the list: published entries from the cache, or, when a workflow state is asked
     * for, the working copies in it, which only maintainers see and nobody caches.
     */
    protected Response page(CatalogFilter filter, HttpHeaders headers, Function<CatalogFilter, Object> published) {
        if (filter.state().isPresent()) {
            Roles.requireMaintainer(caller, "working copies");
            return Response.ok(reader.workingCopies(filter))
                    .cacheControl(Responses.privateNoCache())
                    .build();
        }
        return Responses.published(
                headers,
                cache.get(name + "-list:" + filter, () -> mapper.bytes(published.apply(filter))),
                config.publishedMaxAge(),
                false);
    }

    @GET
    @Path("/{key}/revisions")
    @PermitAll
    // Public reads: no token needed, yet one that is sent is verified, so both sets are declared.
    @SecurityRequirementsSet({})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @APIResponse(
            responseCode = "200",
            description = "Every revision, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionSummary.class)))
    @APIResponse(responseCode = "404")
    public Response revisions(@PathParam("key") String key, @Context HttpHeaders headers) {
        return Responses.published(
                headers,
                cache.get(name + "-revisions:" + key, () -> mapper.bytes(reader.revisions(kind.type(), key))),
                config.publishedMaxAge(),
                false);
    }

    @GET
    @Path("/{key}/draft")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @SecurityRequirement(
            name = "jwt",
            scopes = {Roles.EDITOR, Roles.REVIEWER})
    @APIResponse(
            responseCode = "200",
            description = "The working copy",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not an editor or reviewer")
    @APIResponse(responseCode = "404")
    public Response draft(@PathParam("key") String key) {
        return Responses.draftOk(reader.draft(kind.type(), key));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt", scopes = Roles.EDITOR)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the working copy, ETag its version",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not a content editor")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull @Valid C content) {
        CatalogEntry entry = catalog.create(kind, content, caller.id());
        return Responses.draftCreated(URI.create(path + "/" + entry.id + "/draft"), mapper.draftView(entry));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt", scopes = Roles.EDITOR)
    @APIResponse(
            responseCode = "200",
            description = "The new working copy, back in draft",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed it since")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @APIResponse(responseCode = "403", description = "Not Allowed")
    @APIResponse(responseCode = "409")
    public Response replace(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid C content) {
        return Responses.draftOk(mapper.draftView(catalog.replace(kind, id, content, ifMatch, caller.id())));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = "jwt", scopes = Roles.EDITOR)
    @APIResponse(
            responseCode = "200",
            description = "The new working copy, back in draft",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @APIResponse(responseCode = "403", description = "Not Allowed")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch)
            throws IOException {
        return Responses.draftOk(mapper.draftView(catalog.patch(kind, id, patch, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "jwt", scopes = Roles.EDITOR)
    @APIResponse(
            responseCode = "200",
            description = "Now in review",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = STALE)
    @APIResponse(responseCode = "403", description = "Not Allowed")
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.submit(kind, id, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.REVIEWER)
    @SecurityRequirement(name = "jwt", scopes = Roles.REVIEWER)
    @APIResponse(
            responseCode = "200",
            description = "Approved, ready to publish",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "403", description = "Not a reviewer, or approving one's own change")
    @APIResponse(responseCode = "409", description = "Not in review")
    @APIResponse(responseCode = "412", description = STALE)
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.approve(kind, id, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/send-back")
    @RolesAllowed(Roles.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt", scopes = Roles.REVIEWER)
    @APIResponse(
            responseCode = "200",
            description = "Back in draft, with the comment",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not in review or approved")
    @APIResponse(responseCode = "412", description = STALE)
    @APIResponse(responseCode = "403", description = "Not Allowed")
    public Response sendBack(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SendBack body) {
        return Responses.draftOk(mapper.draftView(catalog.sendBack(kind, id, body.comment(), ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @SecurityRequirement(
            name = "jwt",
            scopes = {Roles.EDITOR, Roles.REVIEWER})
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not approved")
    @APIResponse(responseCode = "412", description = STALE)
    @APIResponse(responseCode = "403", description = "Not Allowed")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.publish(kind, id, ifMatch, caller.id())));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({Roles.EDITOR, Roles.REVIEWER})
    @SecurityRequirement(
            name = "jwt",
            scopes = {Roles.EDITOR, Roles.REVIEWER})
    @APIResponse(
            responseCode = "200",
            description = "Retired",
            content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "409", description = "Not published")
    @APIResponse(responseCode = "412", description = STALE)
    @APIResponse(responseCode = "403", description = "Not Allowed")
    public Response retire(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Responses.draftOk(mapper.draftView(catalog.retire(kind, id, ifMatch, caller.id())));
    }
}
