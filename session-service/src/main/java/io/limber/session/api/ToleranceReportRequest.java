package io.limber.session.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How an exercise felt, with the session or later. Pain is on the Numeric Pain Rating Scale
 * (0 = no pain, 10 = worst imaginable); effort on the same 0-10 scale. The morning figures may be
 * given here when the report is made the next morning, or later with a morning check-in. The
 * red-flag checklist ({@link RedFlagAnswers}) is optional; any yes is the urgent zone.
 *
 * <p>{@code timeZone} is the member's IANA time zone id (e.g. {@code America/New_York}): it decides
 * their local days, so when the morning check-in counts and what "one step a day" means. Without
 * it the token's {@code zoneinfo} claim is used, else UTC.
 */
public record ToleranceReportRequest(
        @NotNull UUID exerciseId,
        UUID sessionId,
        @NotNull @Min(0) @Max(10) Integer painBefore,
        @NotNull @Min(0) @Max(10) Integer painDuring,
        @NotNull @Min(0) @Max(10) Integer painAfter,
        @Min(0) @Max(10) Integer effort,
        Boolean sharpOrNewPain,
        @Size(max = 2000) String note,
        @Min(0) @Max(10) Integer morningPain,
        @Min(0) @Max(10) Integer morningStiffness,
        @Valid RedFlagAnswers redFlags,

        @Schema(
                description = "The member's IANA time zone: their local days decide when the morning"
                        + " check-in counts and that the dose steps up at most once a day. Default: the"
                        + " token's zoneinfo claim, else UTC.",
                example = "America/New_York")
        @Size(max = 64)
        String timeZone) {

    /** As clients before the red-flag checklist sent it. */
    public ToleranceReportRequest(
            UUID exerciseId,
            UUID sessionId,
            Integer painBefore,
            Integer painDuring,
            Integer painAfter,
            Integer effort,
            Boolean sharpOrNewPain,
            String note,
            Integer morningPain,
            Integer morningStiffness) {
        this(
                exerciseId,
                sessionId,
                painBefore,
                painDuring,
                painAfter,
                effort,
                sharpOrNewPain,
                note,
                morningPain,
                morningStiffness,
                null,
                null);
    }
}
