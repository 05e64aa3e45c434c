package io.limber.session.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
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

import io.limber.session.api.EmployerAggregatesView;
import io.limber.session.config.AggregatesConfig;
import io.limber.session.service.EmployerAggregateService;
import io.limber.session.service.SessionProblem;

@Path("/api/v1/employers/{employerId}/aggregates")
@RolesAllowed("employer-admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Employers", description = "Anonymised figures about an employer's members, for its admins")
public class EmployerResource {

    private final EmployerAggregateService service;
    private final MemberAccess access;
    private final AggregatesConfig config;

    EmployerResource(EmployerAggregateService service, MemberAccess access, AggregatesConfig config) {
        this.service = service;
        this.access = access;
        this.config = config;
    }

    @GET
    @Operation(
            operationId = "getEmployerAggregates",
            summary = "Aggregates for the admin's own employer over a date range (UTC days, both ends included)",
            description = "Enrolled and active members, sessions per active member per week, share of reports in"
                    + " the sweet spot, most-used exercises. Figures over fewer than 11 members are suppressed.")
    @APIResponse(responseCode = "200", description = "Aggregates")
    @APIResponse(
            responseCode = "400",
            description = "Bad date range",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an employer admin")
    @APIResponse(responseCode = "404", description = "Not the admin's employer")
    public EmployerAggregatesView aggregates(
            @PathParam("employerId") String employerId, @QueryParam("from") String from, @QueryParam("to") String to) {
        access.requireEmployer(employerId);
        LocalDate toDate = DateRange.parse("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate fromDate = DateRange.parse("from", from, toDate.minusDays(27));
        DateRange.requireOrdered(fromDate, toDate);
        if (ChronoUnit.DAYS.between(fromDate, toDate) >= config.maxDays()) {
            throw SessionProblem.INVALID_DATE_RANGE.problem(
                    "A date range may span at most " + config.maxDays() + " days.");
        }
        return service.aggregates(employerId, fromDate, toDate);
    }
}
