package io.limber.session.rest;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.session.api.ProgressView;
import io.limber.session.service.ErasureService;
import io.limber.session.service.ProgressService;
import io.limber.session.service.SessionProblem;

@Path("/api/v1/members/{memberId}")
@RolesAllowed("member")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "A member's progress, and the erasure of all their data")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member, or another member's id")
public class ProgressResource {

    private final ProgressService progress;
    private final ErasureService erasure;
    private final MemberAccess access;

    ProgressResource(ProgressService progress, ErasureService erasure, MemberAccess access) {
        this.progress = progress;
        this.erasure = erasure;
        this.access = access;
    }

    @GET
    @Path("/progress")
    @Operation(
            operationId = "getProgress",
            summary = "Sessions this week, streak of active days, total reps per exercise, pain trend")
    @APIResponse(responseCode = "200", description = "The member's progress")
    @APIResponse(
            responseCode = "400",
            description = "Unknown time zone",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    public ProgressView progress(
            @PathParam("memberId") String memberId, @QueryParam("timeZone") @DefaultValue("UTC") String timeZone) {
        var caller = access.self(memberId);
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw SessionProblem.INVALID_TIME_ZONE.problem("Unknown time zone '" + timeZone + "'.");
        }
        return progress.progress(caller, zone);
    }

    @DELETE
    @Path("/data")
    @Operation(
            operationId = "eraseMemberData",
            summary = "Erase the member's data",
            description = "Deletes every session, report and recommendation of the member and publishes"
                    + " limber.member.erased so every other service does the same.")
    @APIResponse(responseCode = "204", description = "Erased")
    public void erase(@PathParam("memberId") String memberId) {
        erasure.erase(access.self(memberId));
    }
}
