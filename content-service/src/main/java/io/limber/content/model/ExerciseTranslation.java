package io.limber.content.model;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The member-facing text of an exercise in one more language. Fields left out fall back to
 * English; translated steps must match the English steps one for one.
 */
public record ExerciseTranslation(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 2000) String summary,
        @Size(max = 2000) String startPosition,
        List<@NotBlank @Size(max = 1000) String> steps,
        List<@NotBlank String> mayFeel,
        List<@NotBlank String> safetyNotes,
        @Size(max = 2000) String disclaimer) {}
