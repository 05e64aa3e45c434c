package io.limber.content.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A published revision of an exercise as members see it.
 *
 * @param programs the published programs containing it now; left out of a past revision, which
 *     never changes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseView(
        UUID id,
        int revision,
        boolean retired,
        Instant publishedAt,
        @JsonUnwrapped ExerciseContent content,
        List<ProgramRef> programs) {}
