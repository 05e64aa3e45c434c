package io.limber.session.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How an exercise felt, with the session or later. Pain is on the Numeric Pain Rating Scale
 * (0 = no pain, 10 = worst imaginable); effort on the same 0-10 scale. The morning figures may be
 * given here when the report is made the next morning, or later with a morning check-in. The
 * red-flag checklist ({@link RedFlagAnswers}) is optional; any yes is the urgent zone.
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
        @Valid RedFlagAnswers redFlags) {

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
                null);
    }
}
