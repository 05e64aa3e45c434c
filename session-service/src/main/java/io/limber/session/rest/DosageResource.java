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

import io.limber.session.api.ClinicianNoteRequest;
import io.limber.session.api.CurrentDosageView;
import io.limber.session.api.RecommendationView;
import io.limber.session.service.SafetyService;
import io.limber.session.service.ToleranceService;

@Path("/api/v1/members/{memberId}/dosages")
@RolesAllowed("member")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tolerance", description = "How a member tolerated an exercise, and the dosage recommended from it")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member, or another member's id")
public class DosageResource {

    private final ToleranceService service;
    private final SafetyService safety;
    private final MemberAccess access;

    DosageResource(ToleranceService service, SafetyService safety, MemberAccess access) {
        this.service = service;
        this.safety = safety;
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
    @RolesAllowed("clinician")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "clearDosageStop",
            summary = "A clinician clears a stopped exercise for one of their members",
            description = "A stop (pain 8/10 or more before, during or after, sharp or new pain, or an urgent red"
                    + " flag) holds the exercise until a clinician of the member's employer clears it. The"
                    + " clinician is the caller (their token), the note says what they found; the exercise"
                    + " resumes one step below the dose it had before the stop, the stop's open safety flags are"
                    + " resolved, and limber.exercise.cleared tells reminder-service it may be suggested again.")
    @APIResponse(
            responseCode = "201",
            description = "The recommendation that lifted the stop",
            content = @Content(schema = @Schema(implementation = RecommendationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "note missing, blank or too long",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "403", description = "Not a clinician (a member cannot clear their own stop)")
    @APIResponse(responseCode = "404", description = "No such member for this clinician (another employer's)")
    @APIResponse(responseCode = "409", description = "The exercise is not stopped for this member")
    @APIResponse(responseCode = "422", description = "Exercise not in the catalog")
    public Response clearStop(
            @PathParam("memberId") String memberId,
            @PathParam("exerciseId") UUID exerciseId,
            @NotNull @Valid ClinicianNoteRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(safety.clear(access.clinicianId(), access.clinicianFor(memberId), exerciseId, request.note()))
                .build();
    }
}
