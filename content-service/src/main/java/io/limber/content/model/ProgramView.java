package io.limber.content.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A published revision of a program as members see it. */
public record ProgramView(
        UUID id,
        int revision,
        boolean retired,
        Instant publishedAt,
        @JsonUnwrapped ProgramContent content) {}
