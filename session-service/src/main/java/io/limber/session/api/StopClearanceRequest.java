package io.limber.session.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The member's statement that a clinician cleared them to resume a stopped exercise.
 *
 * @param clearedBy who cleared it, e.g. "Dr. A. Jensen, physiotherapist"
 */
public record StopClearanceRequest(
        @Schema(examples = "A. Jensen, physiotherapist") @NotBlank @Size(max = 200)
        String clearedBy,

        @Size(max = 2000) String note) {}
