package io.limber.session.rest;

import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.session.api.ClinicianNoteRequest;
import io.limber.session.api.SafetyFlagPage;
import io.limber.session.api.SafetyFlagView;
import io.limber.session.api.SafetyNoteRequest;
import io.limber.session.model.SafetyFlag;
import io.limber.session.service.SafetyService;
import io.limber.session.service.SessionProblem;

/**
 * The clinicians' work queue: every stop and urgent flag of the members of the clinician's
 * employer. Employer admins and members never see it.
 */
@Path("/api/v1/safety-flags")
@RolesAllowed("clinician")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Safety", description = "Stops and red flags for the member's clinicians to review")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a clinician, or the token names no employer")
public class SafetyFlagResource {

    private static final Set<String> STATUSES = Set.of(SafetyFlag.OPEN, SafetyFlag.ACKNOWLEDGED, SafetyFlag.RESOLVED);

    private final SafetyService safety;
    private final MemberAccess access;

    SafetyFlagResource(SafetyService safety, MemberAccess access) {
        this.safety = safety;
        this.access = access;
    }

    @GET
    @Operation(
            operationId = "listSafetyFlags",
            summary = "The clinician's work queue, newest first",
            description = "Every stop (the exercise is stopped until a clinician clears it) and urgent flag (a red-flag"
                    + " answer: every exercise and prompt of the member is paused until the flag is resolved) of the"
                    + " members of the clinician's employer, with member, exercise, report, zone, reason and time.")
    @APIResponse(responseCode = "200", description = "One page of flags")
    @APIResponse(responseCode = "400", description = "Unknown status, or page or size out of range")
    public SafetyFlagPage list(
            @Parameter(description = "open (default), acknowledged or resolved")
                    @QueryParam("status")
                    @DefaultValue("open")
                    String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        if (!STATUSES.contains(status)) {
            throw SessionProblem.INVALID_STATUS.problem(
                    "status must be open, acknowledged or resolved, not '" + status + "'.");
        }
        return safety.queue(access.clinicianEmployer(), status, page, size);
    }

    @GET
    @Path("/{flagId}")
    @Operation(operationId = "getSafetyFlag", summary = "One flag with its audit trail")
    @APIResponse(responseCode = "200", description = "The flag")
    @APIResponse(responseCode = "404", description = "No such flag for this clinician")
    public SafetyFlagView one(@PathParam("flagId") UUID flagId) {
        return safety.find(access.clinicianEmployer(), flagId);
    }

    @POST
    @Path("/{flagId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "acknowledgeSafetyFlag",
            summary = "Say that a clinician is looking at a flag",
            description =
                    "The flag stays unresolved (an urgent flag keeps the member paused); kept in the audit trail.")
    @APIResponse(responseCode = "200", description = "The acknowledged flag")
    @APIResponse(responseCode = "404", description = "No such flag for this clinician")
    @APIResponse(responseCode = "409", description = "The flag is not open")
    public SafetyFlagView acknowledge(@PathParam("flagId") UUID flagId, @Valid SafetyNoteRequest request) {
        return safety.acknowledge(
                access.clinicianEmployer(), access.clinicianId(), flagId, request == null ? null : request.note());
    }

    @POST
    @Path("/{flagId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resolveSafetyFlag",
            summary = "Resolve a flag with a note",
            description = "Resolving the member's last unresolved urgent flag ends their pause"
                    + " (limber.safety-flag.resolved with memberPaused false). A stopped exercise stays stopped"
                    + " until it is cleared.")
    @APIResponse(responseCode = "200", description = "The resolved flag")
    @APIResponse(responseCode = "400", description = "note missing, blank or too long")
    @APIResponse(responseCode = "404", description = "No such flag for this clinician")
    @APIResponse(responseCode = "409", description = "The flag is already resolved")
    public SafetyFlagView resolve(@PathParam("flagId") UUID flagId, @NotNull @Valid ClinicianNoteRequest request) {
        return safety.resolve(access.clinicianEmployer(), access.clinicianId(), flagId, request.note());
    }
}
