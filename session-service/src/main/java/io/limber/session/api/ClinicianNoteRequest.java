package io.limber.session.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A clinician's clearance of a stopped exercise, or resolution of a safety flag. Who acted comes
 * from the clinician's token, never from the body.
 *
 * @param note what the clinician found and advised, kept in the audit trail
 */
public record ClinicianNoteRequest(
        @Schema(examples = "Assessed today: mechanical thoracic pain, no red flags; resume gently.")
        @NotBlank
        @Size(max = 2000)
        String note) {}
