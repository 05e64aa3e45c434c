package io.limber.session.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.session.api.RecordSessionRequest;
import io.limber.session.api.SessionPage;
import io.limber.session.api.SessionView;
import io.limber.session.idempotency.IdempotencyKeyHeader;
import io.limber.session.service.SessionService;

@Path("/api/v1/members/{memberId}/sessions")
@RolesAllowed("member")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Completed exercise sessions")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member, or another member's id")
public class SessionResource {

    private final SessionService service;
    private final MemberAccess access;

    SessionResource(SessionService service, MemberAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordSession",
            summary = "Record a completed session",
            description = "The exercise must be in the published catalog. With an Idempotency-Key, a retry returns"
                    + " the first answer and never records a second session.")
    @APIResponse(responseCode = "201", description = "Recorded (or, on a retry with the same key, recorded before)")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body: out-of-range values, end before start, malformed JSON",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(
            responseCode = "422",
            description = "Unknown or retired exercise, or the Idempotency-Key was used for a different session")
    public Response record(
            @PathParam("memberId") String memberId,
            @Parameter(description = "Makes retries safe: the same key returns the first answer")
                    @HeaderParam(IdempotencyKeyHeader.NAME)
                    @IdempotencyKeyHeader.Length
                    String idempotencyKey,
            @NotNull @Valid RecordSessionRequest request) {
        var recorded = service.record(access.self(memberId), idempotencyKey, request);
        SessionView session = recorded.session();
        return Response.created(UriBuilder.fromPath("/api/v1/members/{memberId}/sessions/{id}")
                        .build(memberId, session.id()))
                .header("Idempotent-Replayed", recorded.replayed())
                .entity(session)
                .build();
    }

    @GET
    @Operation(
            operationId = "listSessions",
            summary = "The member's sessions, newest first, by start date (UTC, both ends included)")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    @APIResponse(
            responseCode = "400",
            description = "Bad dates or paging",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    public SessionPage list(
            @PathParam("memberId") String memberId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var caller = access.self(memberId);
        LocalDate fromDate = DateRange.parse("from", from, LocalDate.of(2000, 1, 1));
        LocalDate toDate =
                DateRange.parse("to", to, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        DateRange.requireOrdered(fromDate, toDate);
        return service.list(
                caller,
                fromDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                page,
                size);
    }

    @GET
    @Path("/{sessionId}")
    @Operation(operationId = "getSession", summary = "One of the member's sessions")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session for this member")
    public SessionView find(@PathParam("memberId") String memberId, @PathParam("sessionId") UUID sessionId) {
        return service.find(access.self(memberId), sessionId);
    }
}
