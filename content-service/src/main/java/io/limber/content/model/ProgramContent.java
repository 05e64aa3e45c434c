package io.limber.content.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An ordered set of exercises with their dosage.
 *
 * @param tags e.g. {@code desk-break}: what a movement prompt may suggest during the work day
 */
public record ProgramContent(
        @NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        String slug,

        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 2000) String purpose,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid ProgramItem> items,
        @NotNull @Positive @Max(240) Integer estimatedMinutes,
        List<@NotNull @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String> tags,
        @Valid Contributor author,
        @Size(max = 2000) String disclaimer) {

    public ProgramContent normalized() {
        return new ProgramContent(
                slug,
                name,
                purpose,
                items,
                estimatedMinutes,
                ExerciseContent.orEmpty(tags),
                author,
                disclaimer == null || disclaimer.isBlank() ? Disclaimer.EDUCATIONAL_USE : disclaimer);
    }

    public ProgramContent withItems(List<ProgramItem> resolved) {
        return new ProgramContent(slug, name, purpose, resolved, estimatedMinutes, tags, author, disclaimer);
    }
}
