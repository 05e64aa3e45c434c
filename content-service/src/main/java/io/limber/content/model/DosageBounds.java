package io.limber.content.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The range a progression may move an exercise's dosage within. */
public record DosageBounds(
        @NotNull @Valid Dosage min, @NotNull @Valid Dosage max) {}
