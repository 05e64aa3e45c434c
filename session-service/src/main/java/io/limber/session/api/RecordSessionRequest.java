package io.limber.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A completed session, as the member's app sends it.
 *
 * @param exerciseRevision the catalog revision of the exercise the member followed
 * @param programId the published program the member followed the exercise in, if any: the item
 *     of that program the session completes
 */
public record RecordSessionRequest(
        @NotNull UUID exerciseId,
        @NotNull @Positive Integer exerciseRevision,

        @Schema(
                description = "The published program the member followed the exercise in, if any;"
                        + " the exercise must be one of its items.")
        // Left out of the Idempotency-Key fingerprint when absent, as before programs existed.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        UUID programId,

        @NotNull Instant startedAt,
        @NotNull Instant endedAt,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid SetRequest> sets,
        @Size(max = 2000) String note) {}
