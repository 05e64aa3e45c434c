package io.limber.reminder.rest;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.reminder.api.PromptView;
import io.limber.reminder.api.SnoozeRequest;
import io.limber.reminder.mapping.PromptMapper;
import io.limber.reminder.service.PromptActionService;
import io.limber.web.CurrentCaller;

@Path("/api/v1/me/prompts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
@Tag(name = "Prompts", description = "Movement prompts sent to a member, and what they did about them")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member")
public class PromptResource {

    private final PromptActionService service;
    private final PromptMapper mapper;
    private final CurrentCaller caller;

    PromptResource(PromptActionService service, PromptMapper mapper, CurrentCaller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listPrompts", summary = "Your prompt history, newest first")
    @APIResponse(responseCode = "200", description = "Your prompts")
    @APIResponse(
            responseCode = "400",
            description = "limit out of range",
            content = @Content(mediaType = Roles.PROBLEM, schema = @Schema(ref = "HttpValidationProblem")))
    public List<PromptView> history(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return service.history(caller.id(), limit).stream().map(mapper::toView).toList();
    }

    @POST
    @Path("/{id}/done")
    @Operation(
            operationId = "markPromptDone",
            summary = "Mark a prompt done",
            description = "Counts as a movement break: the next prompt comes a full interval later.")
    @APIResponse(responseCode = "200", description = "Done")
    @APIResponse(responseCode = "404", description = "You have no such prompt")
    @APIResponse(responseCode = "409", description = "The prompt is already done or dismissed")
    public PromptView done(@PathParam("id") UUID id) {
        return mapper.toView(service.done(caller.id(), id));
    }

    @POST
    @Path("/{id}/snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "snoozePrompt",
            summary = "Snooze a prompt for 5, 10 or 15 minutes",
            description = "At most twice per prompt.")
    @APIResponse(responseCode = "200", description = "Snoozed")
    @APIResponse(
            responseCode = "400",
            description = "minutes is not 5, 10 or 15",
            content = @Content(mediaType = Roles.PROBLEM, schema = @Schema(ref = "HttpValidationProblem")))
    @APIResponse(responseCode = "404", description = "You have no such prompt")
    @APIResponse(responseCode = "409", description = "Snoozed twice already, done or dismissed")
    public PromptView snooze(@PathParam("id") UUID id, @NotNull @Valid SnoozeRequest request) {
        return mapper.toView(service.snooze(caller.id(), id, request.minutes()));
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(operationId = "dismissPrompt", summary = "Dismiss a prompt")
    @APIResponse(responseCode = "200", description = "Dismissed")
    @APIResponse(responseCode = "404", description = "You have no such prompt")
    @APIResponse(responseCode = "409", description = "The prompt is already done or dismissed")
    public PromptView dismiss(@PathParam("id") UUID id) {
        return mapper.toView(service.dismiss(caller.id(), id));
    }
}
