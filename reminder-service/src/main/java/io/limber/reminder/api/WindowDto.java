package io.limber.reminder.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A daily span of local time, {@code HH:mm}; the end may be {@code 24:00}. */
public record WindowDto(
        @Schema(examples = "09:00") @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm")
        String start,

        @Schema(examples = "12:30")
        @NotNull
        @Pattern(regexp = TIME_OR_MIDNIGHT, message = "must be a time HH:mm or 24:00")
        String end) {

    // Anchored: the OpenAPI document's ECMA-262 patterns are searched, not matched whole.
    private static final String CLOCK = "(?:[01][0-9]|2[0-3]):[0-5][0-9]";
    static final String TIME = "^" + CLOCK + "$";
    static final String TIME_OR_MIDNIGHT = "^(?:" + CLOCK + "|24:00)$";
}
