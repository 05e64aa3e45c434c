package io.limber.reminder.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.limber.reminder.api.PreferencesRequest;
import io.limber.reminder.api.PreferencesResponse;
import io.limber.reminder.mapping.PreferencesMapper;
import io.limber.reminder.service.PreferencesService;
import io.limber.web.CurrentCaller;

@Path("/api/v1/me/reminder-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
@Tag(name = "Reminder preferences", description = "When, how often and how a member wants to be prompted")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not a member")
public class PreferencesResource {

    private final PreferencesService service;
    private final PreferencesMapper mapper;
    private final CurrentCaller caller;

    PreferencesResource(PreferencesService service, PreferencesMapper mapper, CurrentCaller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getReminderPreferences",
            summary = "Your reminder preferences",
            description = "Until you save your own: the defaults, switched off (enabled false, customised false),"
                    + " in your token's time zone. No prompt comes before you save preferences.")
    @APIResponse(responseCode = "200", description = "Your preferences and when your next prompt is due")
    public PreferencesResponse get() {
        PreferencesService.Current current = service.get(caller.id(), caller.zoneInfo());
        return mapper.toResponse(current.preferences(), current.customised(), current.nextPromptAt());
    }

    @PUT
    @Operation(
            operationId = "replaceReminderPreferences",
            summary = "Replace your reminder preferences",
            description = "Saving preferences opts you in to prompts (send enabled: false to save them switched"
                    + " off). Fields left out take their defaults, but timeZone: left out, it stays the one saved"
                    + " before, or on a first save is your token's zoneinfo. The next prompt is planned afresh"
                    + " from now.")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(
            responseCode = "400",
            description = "Invalid preferences (each violation names its field), or a first save without"
                    + " timeZone whose token names none (time-zone-required)",
            content = @Content(mediaType = Roles.PROBLEM, schema = @Schema(ref = "HttpValidationProblem")))
    public PreferencesResponse put(@NotNull @Valid PreferencesRequest request) {
        String zone = service.zoneOf(caller.id(), request.timeZone(), caller.zoneInfo());
        PreferencesService.Current saved = service.update(caller.id(), mapper.toDomain(request, zone));
        return mapper.toResponse(saved.preferences(), saved.customised(), saved.nextPromptAt());
    }
}
