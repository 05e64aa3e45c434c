package io.limber.session.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clinician's note on a safety flag; required to resolve one, optional to acknowledge it. */
public record SafetyNoteRequest(
        @Schema(examples = "Called the member: chest pain settled, seen by their GP today.") @Size(max = 2000)
        String note) {}
