package io.limber.content.model;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of a program.
 *
 * @param exerciseSlug filled in by the service from the exercise; ignored on input
 * @param exerciseName filled in by the service from the exercise; ignored on input
 */
public record ProgramItem(
        @NotNull UUID exerciseId,
        @NotNull @Valid Dosage dosage,
        @Schema(readOnly = true) String exerciseSlug,
        @Schema(readOnly = true) String exerciseName) {

    public ProgramItem named(String slug, String name) {
        return new ProgramItem(exerciseId, dosage, slug, name);
    }
}
