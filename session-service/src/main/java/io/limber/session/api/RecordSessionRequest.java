package io.limber.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A completed session, as the member's app sends it.
 *
 * @param exerciseRevision the catalog revision of the exercise the member followed
 */
public record RecordSessionRequest(
        @NotNull UUID exerciseId,
        @NotNull @Positive Integer exerciseRevision,
        @NotNull Instant startedAt,
        @NotNull Instant endedAt,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid SetRequest> sets,
        @Size(max = 2000) String note) {}
