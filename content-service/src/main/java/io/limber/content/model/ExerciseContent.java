package io.limber.content.model;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.limber.content.domain.Equipment;
import io.limber.content.domain.Kind;
import io.limber.content.domain.Laterality;
import io.limber.content.domain.Position;
import io.limber.content.domain.Region;

/**
 * What an editor writes about an exercise; every published revision is one of these, frozen.
 *
 * @param equipment empty when the exercise needs nothing
 * @param easierVariantId another exercise to offer when this one is too much
 * @param disclaimer left out to get the catalog's standard educational-use disclaimer
 */
public record ExerciseContent(
        @NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        String slug,

        @NotBlank @Size(max = 120) String name,
        @NotNull Kind kind,
        @NotBlank @Size(max = 2000) String summary,
        @NotEmpty List<@NotNull Region> regions,
        List<@NotBlank String> muscles,
        List<@NotNull Equipment> equipment,
        @NotNull Position position,
        @NotNull Laterality laterality,
        @NotBlank @Size(max = 2000) String startPosition,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> steps,
        List<@NotBlank String> mayFeel,
        List<@NotBlank String> safetyNotes,
        @NotNull @Valid Dosage defaultDosage,
        @NotNull @Valid DosageBounds dosageBounds,
        UUID easierVariantId,
        UUID harderVariantId,
        List<@NotNull @Valid MediaRef> media,
        List<@NotNull @Valid Citation> citations,
        @NotNull @Valid Contributor author,
        List<@NotNull @Valid Contributor> reviewers,
        List<@NotNull @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String> tags,
        @Size(max = 2000) String disclaimer) {

    /** Absent lists become empty and an absent disclaimer the standard one, so readers never see nulls. */
    public ExerciseContent normalized() {
        return new ExerciseContent(
                slug,
                name,
                kind,
                summary,
                regions,
                orEmpty(muscles),
                orEmpty(equipment),
                position,
                laterality,
                startPosition,
                steps,
                orEmpty(mayFeel),
                orEmpty(safetyNotes),
                defaultDosage,
                dosageBounds,
                easierVariantId,
                harderVariantId,
                orEmpty(media),
                orEmpty(citations),
                author,
                orEmpty(reviewers),
                orEmpty(tags),
                disclaimer == null || disclaimer.isBlank() ? Disclaimer.EDUCATIONAL_USE : disclaimer);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
