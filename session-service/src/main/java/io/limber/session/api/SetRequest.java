package io.limber.session.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One set of a session: which side, and reps, a hold, or both. */
public record SetRequest(
        @Schema(enumeration = {"left", "right", "both"})
        @NotNull
        @Pattern(regexp = "left|right|both", message = "must be left, right or both")
        String side,

        @PositiveOrZero @Max(1000) Integer reps,
        @PositiveOrZero @Max(3600) Integer holdSeconds) {

    @AssertTrue(message = "a set needs reps, holdSeconds or both")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isRepsOrHold() {
        return reps != null || holdSeconds != null;
    }
}
