package io.limber.session.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.session.api.MorningCheckInRequest;
import io.limber.session.api.ReportView;
import io.limber.session.api.ToleranceReportRequest;
import io.limber.session.idempotency.IdempotencyKeyHeader;
import io.limber.session.service.ToleranceService;

@Path("/api/v1/members/{memberId}/tolerance-reports")
@RolesAllowed("member")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tolerance", description = "How a member tolerated an exercise, and the dosage recommended from it")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member, or another member's id")
public class ToleranceResource {

    private final ToleranceService service;
    private final MemberAccess access;

    ToleranceResource(ToleranceService service, MemberAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reportTolerance",
            summary = "Report how an exercise felt",
            description = "Pain 0-10 before, during and right after; classified at once with the pain-monitoring"
                    + " model. The answer carries the stored recommendation and its reason.")
    @APIResponse(responseCode = "201", description = "Reported and classified")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "404", description = "The session named is not this member's")
    @APIResponse(
            responseCode = "409",
            description = "The session named already has a report (one report per session), or morning values"
                    + " came outside the morning check-in window (check-in-not-open, check-in-closed)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(
            responseCode = "422",
            description = "Unknown exercise, a session of another exercise, or a reused Idempotency-Key")
    public Response report(
            @PathParam("memberId") String memberId,
            @Parameter(description = "Makes retries safe: the same key returns the first report")
                    @HeaderParam(IdempotencyKeyHeader.NAME)
                    @IdempotencyKeyHeader.Length
                    String idempotencyKey,
            @NotNull @Valid ToleranceReportRequest request) {
        ReportView report = service.report(access.self(memberId), idempotencyKey, request);
        return Response.created(UriBuilder.fromPath("/api/v1/members/{memberId}/tolerance-reports/{id}")
                        .build(memberId, report.id()))
                .entity(report)
                .build();
    }

    @POST
    @Path("/{reportId}/morning-check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordMorningCheckIn",
            summary = "Add the next-morning check-in to a report",
            description = "Pain and stiffness on waking; the exercise is classified again with it. It counts"
                    + " from early on the member's next local day after the session (04:00 by default) to the end"
                    + " of the day after; local days are in the report's time zone.")
    @APIResponse(responseCode = "200", description = "Checked in and classified again")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(
            responseCode = "409",
            description = "The report already has its check-in, or its window is not open yet or has closed"
                    + " (opensAt, closesAt)",
            content = @Content(mediaType = "application/problem+json"))
    public ReportView checkIn(
            @PathParam("memberId") String memberId,
            @PathParam("reportId") UUID reportId,
            @NotNull @Valid MorningCheckInRequest request) {
        return service.checkIn(access.self(memberId), reportId, request);
    }

    @GET
    @Path("/{reportId}")
    @Operation(operationId = "getToleranceReport", summary = "One report with the latest recommendation it led to")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such report")
    public ReportView find(@PathParam("memberId") String memberId, @PathParam("reportId") UUID reportId) {
        return service.find(access.self(memberId), reportId);
    }
}
