package io.limber.content.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.content.domain.EntryType;
import io.limber.content.events.CatalogEvents;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.ProgramContent;
import io.limber.content.model.ProgramItem;
import io.limber.content.repository.CatalogEntry;

/**
 * Programs: they emit no events of their own; a publish or retire changes the {@code programs} of
 * the exercises they hold, before and after, so it re-emits those exercises' snapshots.
 */
@ApplicationScoped
public class ProgramKind implements EntryKind<ProgramContent> {

    private final ContentRules rules;
    private final ContentMapper mapper;
    private final CatalogEvents events;

    ProgramKind(ContentRules rules, ContentMapper mapper, CatalogEvents events) {
        this.rules = rules;
        this.mapper = mapper;
        this.events = events;
    }

    @Override
    public EntryType type() {
        return EntryType.PROGRAM;
    }

    @Override
    public Class<ProgramContent> contentType() {
        return ProgramContent.class;
    }

    @Override
    public String slug(ProgramContent content) {
        return content.slug();
    }

    @Override
    public ProgramContent checked(ProgramContent content, UUID id) {
        return rules.checkProgram(content.normalized());
    }

    /** Every exercise in it must be published; its items take their published names. */
    @Override
    public void readyToPublish(CatalogEntry entry) {
        entry.doc = mapper.write(rules.readyToPublish(mapper.read(entry.doc, ProgramContent.class)));
    }

    @Override
    public void checkRetirable(CatalogEntry entry) {
        // Nothing depends on a program.
    }

    @Override
    public void emitChanged(CatalogEntry entry, String previouslyPublished) {
        Set<UUID> affected = new LinkedHashSet<>(exercisesIn(previouslyPublished));
        affected.addAll(exercisesIn(entry.publishedDoc));
        events.programChanged(affected);
    }

    private List<UUID> exercisesIn(String publishedDoc) {
        if (publishedDoc == null) {
            return List.of();
        }
        return mapper.read(publishedDoc, ProgramContent.class).items().stream()
                .map(ProgramItem::exerciseId)
                .toList();
    }
}
