package io.limber.content.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reviewer's reason for returning a change to its editor. */
public record SendBack(@NotBlank @Size(max = 4000) String comment) {}
