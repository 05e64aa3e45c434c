package io.limber.session.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The next-morning check-in of a report: pain and stiffness on waking, 0-10, and the red-flag checklist. */
public record MorningCheckInRequest(
        @NotNull @Min(0) @Max(10) Integer morningPain,
        @NotNull @Min(0) @Max(10) Integer morningStiffness,
        Boolean sharpOrNewPain,
        @Size(max = 2000) String note,
        @Valid RedFlagAnswers redFlags) {

    public MorningCheckInRequest(Integer morningPain, Integer morningStiffness, Boolean sharpOrNewPain, String note) {
        this(morningPain, morningStiffness, sharpOrNewPain, note, null);
    }
}
