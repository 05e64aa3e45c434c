package io.limber.reminder.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SnoozeRequest(
        @Schema(description = "5, 10 or 15", examples = "10") @NotNull
        Integer minutes) {}
