package io.limber.content.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.content.domain.EntryType;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.Dosage;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ProgramContent;
import io.limber.content.model.ProgramItem;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;
import io.limber.web.CommonProblem;

/** Checks that need more than one field or the rest of the catalog; bean validation does the rest. */
@ApplicationScoped
class ContentRules {

    private final CatalogEntryRepository entries;
    private final ContentMapper mapper;

    ContentRules(CatalogEntryRepository entries, ContentMapper mapper) {
        this.entries = entries;
        this.mapper = mapper;
    }

    /** @return the exercise as it is stored */
    ExerciseContent checkExercise(ExerciseContent c, UUID self) {
        List<FieldError> errors = new ArrayList<>();
        Dosage dose = c.defaultDosage();
        Dosage min = c.dosageBounds().min();
        Dosage max = c.dosageBounds().max();
        within(errors, "sets", Dosage::sets, dose, min, max);
        within(errors, "reps", Dosage::reps, dose, min, max);
        within(errors, "holdSeconds", Dosage::holdSeconds, dose, min, max);
        variant(errors, "easierVariantId", c.easierVariantId(), self);
        variant(errors, "harderVariantId", c.harderVariantId(), self);
        c.translations().forEach((language, t) -> {
            if (t.steps() != null && t.steps().size() != c.steps().size()) {
                errors.add(new FieldError(
                        "translations." + language + ".steps",
                        "must have one step per English step (" + c.steps().size() + ")"));
            }
        });
        if (!errors.isEmpty()) {
            throw FieldError.problem(CommonProblem.BAD_REQUEST, "body", errors);
        }
        return c;
    }

    private static void within(
            List<FieldError> errors, String field, Function<Dosage, Integer> get, Dosage dose, Dosage min, Dosage max) {
        Integer value = get.apply(dose);
        Integer low = get.apply(min);
        Integer high = get.apply(max);
        if (low != null && high != null && low > high) {
            errors.add(
                    new FieldError("dosageBounds.min." + field, "must not be greater than dosageBounds.max." + field));
        }
        if (value != null && low != null && value < low) {
            errors.add(new FieldError("defaultDosage." + field, "must not be below dosageBounds.min." + field));
        }
        if (value != null && high != null && value > high) {
            errors.add(new FieldError("defaultDosage." + field, "must not be above dosageBounds.max." + field));
        }
    }

    private void variant(List<FieldError> errors, String field, UUID variant, UUID self) {
        if (variant == null) {
            return;
        }
        if (variant.equals(self)) {
            errors.add(new FieldError(field, "must name another exercise, not this one"));
        } else if (entries.findByIdOptional(variant)
                .filter(e -> e.is(EntryType.EXERCISE))
                .isEmpty()) {
            errors.add(new FieldError(field, "no exercise has this id"));
        }
    }

    /** @return the program as it is stored, its items named after their exercises */
    ProgramContent checkProgram(ProgramContent c) {
        List<FieldError> errors = new ArrayList<>();
        List<ProgramItem> named = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            ProgramItem item = c.items().get(i);
            Optional<CatalogEntry> exercise =
                    entries.findByIdOptional(item.exerciseId()).filter(e -> e.is(EntryType.EXERCISE));
            if (exercise.isEmpty()) {
                errors.add(new FieldError("items[" + i + "].exerciseId", "no exercise has this id"));
                continue;
            }
            ExerciseContent ex = mapper.read(
                    exercise.get().isPublic() ? exercise.get().publishedDoc : exercise.get().doc,
                    ExerciseContent.class);
            named.add(item.named(ex.slug(), ex.name()));
        }
        if (!errors.isEmpty()) {
            throw FieldError.problem(CommonProblem.BAD_REQUEST, "body", errors);
        }
        return c.withItems(named);
    }

    /** A program may only be published when every exercise in it is published. */
    ProgramContent readyToPublish(ProgramContent program) {
        List<FieldError> errors = new ArrayList<>();
        List<ProgramItem> named = new ArrayList<>();
        for (int i = 0; i < program.items().size(); i++) {
            ProgramItem item = program.items().get(i);
            Optional<CatalogEntry> exercise =
                    entries.findByIdOptional(item.exerciseId()).filter(CatalogEntry::isPublic);
            if (exercise.isEmpty()) {
                errors.add(new FieldError("items[" + i + "].exerciseId", "this exercise is not published"));
                continue;
            }
            ExerciseContent ex = mapper.read(exercise.get().publishedDoc, ExerciseContent.class);
            named.add(item.named(ex.slug(), ex.name()));
        }
        if (!errors.isEmpty()) {
            throw FieldError.problem(ContentProblem.ITEMS_NOT_PUBLISHED, "body", errors);
        }
        return program.withItems(named);
    }
}
