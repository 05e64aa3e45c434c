package io.limber.content.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.content.domain.EntryType;
import io.limber.content.events.CatalogEvents;
import io.limber.content.model.ExerciseContent;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;

/** Exercises: each publish or retire emits the exercise's own snapshot (or tombstone). */
@ApplicationScoped
public class ExerciseKind implements EntryKind<ExerciseContent> {

    private final ContentRules rules;
    private final CatalogEntryRepository entries;
    private final CatalogEvents events;

    ExerciseKind(ContentRules rules, CatalogEntryRepository entries, CatalogEvents events) {
        this.rules = rules;
        this.entries = entries;
        this.events = events;
    }

    @Override
    public EntryType type() {
        return EntryType.EXERCISE;
    }

    @Override
    public Class<ExerciseContent> contentType() {
        return ExerciseContent.class;
    }

    @Override
    public String slug(ExerciseContent content) {
        return content.slug();
    }

    @Override
    public ExerciseContent checked(ExerciseContent content, UUID id) {
        return rules.checkExercise(content.normalized(), id);
    }

    @Override
    public void readyToPublish(CatalogEntry entry) {
        // An exercise stands on its own: its working copy is published as it is.
    }

    @Override
    public void checkRetirable(CatalogEntry entry) {
        List<String> programs = entries.publicProgramsContaining(entry.id).stream()
                .map(p -> p.slug)
                .toList();
        if (!programs.isEmpty()) {
            // Members following those programs would be left with a step that no longer exists.
            throw ContentProblem.IN_PUBLISHED_PROGRAMS.problem("This exercise is in published programs " + programs
                    + "; publish them without it, or retire them, first");
        }
    }

    @Override
    public void emitChanged(CatalogEntry entry, String previouslyPublished) {
        events.exerciseChanged(entry);
    }
}
