package io.limber.session.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.session.api.CurrentDosageView;
import io.limber.session.api.RecommendationView;
import io.limber.session.api.StopClearanceRequest;
import io.limber.session.service.ToleranceService;

@Path("/api/v1/members/{memberId}/dosages")
@RolesAllowed("member")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tolerance", description = "How a member tolerated an exercise, and the dosage recommended from it")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member, or another member's id")
public class DosageResource {

    private final ToleranceService service;
    private final MemberAccess access;

    DosageResource(ToleranceService service, MemberAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Operation(
            operationId = "listDosages",
            summary = "The current recommended dosage of every exercise the member has done")
    @APIResponse(responseCode = "200", description = "Current dosages")
    public List<CurrentDosageView> all(@PathParam("memberId") String memberId) {
        return service.currentDosages(access.self(memberId));
    }

    @GET
    @Path("/{exerciseId}")
    @Operation(
            operationId = "getDosage",
            summary = "The current recommended dosage of one exercise (the catalog default until a report)")
    @APIResponse(responseCode = "200", description = "Current dosage")
    @APIResponse(responseCode = "422", description = "Exercise not in the catalog")
    public CurrentDosageView one(@PathParam("memberId") String memberId, @PathParam("exerciseId") UUID exerciseId) {
        return service.currentDosage(access.self(memberId), exerciseId);
    }

    @GET
    @Path("/{exerciseId}/recommendations")
    @Operation(
            operationId = "listDosageRecommendations",
            summary = "Every recommendation for one exercise, newest first",
            description = "The audit trail: each with its zone, reason and the reports it was derived from.")
    @APIResponse(responseCode = "200", description = "Recommendation history")
    public List<RecommendationView> history(
            @PathParam("memberId") String memberId, @PathParam("exerciseId") UUID exerciseId) {
        return service.history(access.self(memberId), exerciseId);
    }

    @POST
    @Path("/{exerciseId}/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "clearDosageStop",
            summary = "Resume a stopped exercise after a clinician cleared the member",
            description = "A stop (pain 8/10 or more, or sharp or new pain) holds the exercise until then. The"
                    + " clearance is kept in the recommendation history with who cleared it; the exercise"
                    + " continues at the dose it had before the stop.")
    @APIResponse(
            responseCode = "201",
            description = "The recommendation that lifted the stop",
            content = @Content(schema = @Schema(implementation = RecommendationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "clearedBy missing or too long",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "409", description = "The exercise is not stopped for this member")
    @APIResponse(responseCode = "422", description = "Exercise not in the catalog")
    public Response clearStop(
            @PathParam("memberId") String memberId,
            @PathParam("exerciseId") UUID exerciseId,
            @NotNull @Valid StopClearanceRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(service.clearStop(access.self(memberId), exerciseId, request))
                .build();
    }
}
