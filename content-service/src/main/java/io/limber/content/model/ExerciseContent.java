package io.limber.content.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param translations member-facing text by language tag; readers pick one with Accept-Language
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
        @Size(max = 2000) String disclaimer,

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<
                        @NotNull @Pattern(regexp = LANGUAGE, message = "must be a language tag such as de or fr-CA")
                        String,
                        @NotNull @Valid ExerciseTranslation>
                translations) {

    static final String LANGUAGE = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

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
                disclaimer == null || disclaimer.isBlank() ? Disclaimer.EDUCATIONAL_USE : disclaimer,
                translations == null ? Map.of() : translations);
    }

    /** This content as a member reading {@code language} sees it; null or unknown: English. */
    public ExerciseContent in(String language) {
        ExerciseTranslation t = language == null || translations == null ? null : translations.get(language);
        if (t == null) {
            return withTranslations(null);
        }
        return new ExerciseContent(
                slug,
                t.name(),
                kind,
                t.summary(),
                regions,
                muscles,
                equipment,
                position,
                laterality,
                or(t.startPosition(), startPosition),
                or(t.steps(), steps),
                or(t.mayFeel(), mayFeel),
                or(t.safetyNotes(), safetyNotes),
                defaultDosage,
                dosageBounds,
                easierVariantId,
                harderVariantId,
                media,
                citations,
                author,
                reviewers,
                tags,
                or(t.disclaimer(), disclaimer),
                null);
    }

    /** The languages it is translated into; stored documents leave out an empty map, so it may be null. */
    public Set<String> languages() {
        return translations == null ? Set.of() : translations.keySet();
    }

    private ExerciseContent withTranslations(Map<String, ExerciseTranslation> value) {
        return new ExerciseContent(
                slug,
                name,
                kind,
                summary,
                regions,
                muscles,
                equipment,
                position,
                laterality,
                startPosition,
                steps,
                mayFeel,
                safetyNotes,
                defaultDosage,
                dosageBounds,
                easierVariantId,
                harderVariantId,
                media,
                citations,
                author,
                reviewers,
                tags,
                disclaimer,
                value);
    }

    private static <T> T or(T translated, T english) {
        return translated == null ? english : translated;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
