package io.limber.content.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much of an exercise to do; reps or holdSeconds are left out when they do not apply. */
@Schema(
        description = "Sets, and reps and/or a hold per rep",
        example = "{\"sets\": 2, \"reps\": 8, \"holdSeconds\": 5}")
public record Dosage(
        @NotNull @Positive @Max(20) Integer sets,
        @Positive @Max(100) Integer reps,
        @Positive @Max(600) Integer holdSeconds) {}
