package io.limber.content.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.content.domain.EntryType;
import io.limber.content.events.CatalogEvents;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.DraftView;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ExerciseView;
import io.limber.content.model.Page;
import io.limber.content.model.ProgramView;
import io.limber.content.model.RevisionSummary;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;
import io.limber.content.repository.CatalogFilter;
import io.limber.content.repository.CatalogRevision;
import io.limber.content.repository.CatalogRevisionRepository;
import io.limber.web.CommonProblem;

/** Reads of the catalog: published views for everyone, working copies for editors and reviewers. */
@ApplicationScoped
public class CatalogReader {

    private final CatalogEntryRepository entries;
    private final CatalogRevisionRepository revisions;
    private final ContentMapper mapper;
    private final CatalogEvents events;

    CatalogReader(
            CatalogEntryRepository entries,
            CatalogRevisionRepository revisions,
            ContentMapper mapper,
            CatalogEvents events) {
        this.entries = entries;
        this.revisions = revisions;
        this.mapper = mapper;
        this.events = events;
    }

    public Page<ExerciseView> publishedExercises(CatalogFilter filter) {
        var found = entries.search(filter);
        return page(
                found, filter, found.entries().stream().map(this::exerciseView).toList());
    }

    public Page<ProgramView> publishedPrograms(CatalogFilter filter) {
        var found = entries.search(filter);
        return page(
                found, filter, found.entries().stream().map(mapper::programView).toList());
    }

    public Page<DraftView> workingCopies(CatalogFilter filter) {
        var found = entries.search(filter);
        return page(
                found, filter, found.entries().stream().map(mapper::draftView).toList());
    }

    /** A read in the caller's language: the view, and the language it is in. */
    public record Localized<T>(T view, String language) {}

    public Localized<ExerciseView> exercise(String key, String acceptLanguage) {
        CatalogEntry entry = published(EntryType.EXERCISE, key);
        ExerciseContent content = mapper.read(entry.publishedDoc, ExerciseContent.class);
        String language = Languages.choose(acceptLanguage, content.languages());
        return new Localized<>(
                mapper.exerciseView(entry, content.in(language), events.programsOf(entry.id)),
                language == null ? Languages.ENGLISH : language);
    }

    public ProgramView program(String key) {
        return mapper.programView(published(EntryType.PROGRAM, key));
    }

    public Localized<ExerciseView> exerciseRevision(String key, int revision, String acceptLanguage) {
        CatalogEntry entry = everPublished(EntryType.EXERCISE, key);
        CatalogRevision found = revision(entry, revision);
        ExerciseContent content = mapper.read(found.doc, ExerciseContent.class);
        String language = Languages.choose(acceptLanguage, content.languages());
        return new Localized<>(
                mapper.exerciseView(entry, found, content.in(language)),
                language == null ? Languages.ENGLISH : language);
    }

    public ProgramView programRevision(String key, int revision) {
        CatalogEntry entry = everPublished(EntryType.PROGRAM, key);
        return mapper.programView(entry, revision(entry, revision));
    }

    public List<RevisionSummary> revisions(EntryType type, String key) {
        CatalogEntry entry = everPublished(type, key);
        return revisions.history(entry.id).stream()
                .map(r -> new RevisionSummary(r.revision, r.publishedAt, r.publishedBy, r.approvedBy))
                .toList();
    }

    public DraftView draft(EntryType type, String key) {
        return mapper.draftView(entry(type, key));
    }

    public CatalogEntry entry(EntryType type, String key) {
        return entries.findByKey(type, key)
                .orElseThrow(() -> CommonProblem.NOT_FOUND.problem("No " + type.code() + " '" + key + "'"));
    }

    private ExerciseView exerciseView(CatalogEntry entry) {
        return mapper.exerciseView(entry, events.programsOf(entry.id));
    }

    private CatalogEntry published(EntryType type, String key) {
        CatalogEntry entry = everPublished(type, key);
        if (entry.retiredAt != null) {
            throw ContentProblem.RETIRED.problem(
                    "This " + type.code() + " was retired; its past revisions remain readable under /revisions");
        }
        return entry;
    }

    /** Drafts that were never published are as invisible as missing entries to readers. */
    private CatalogEntry everPublished(EntryType type, String key) {
        return entries.findByKey(type, key)
                .filter(e -> e.publishedRevision != null)
                .orElseThrow(() -> CommonProblem.NOT_FOUND.problem("No published " + type.code() + " '" + key + "'"));
    }

    private CatalogRevision revision(CatalogEntry entry, int revision) {
        return revisions
                .find(entry.id, revision)
                .orElseThrow(() -> CommonProblem.NOT_FOUND.problem(
                        "Revision " + revision + " does not exist; the latest is " + entry.publishedRevision));
    }

    private static <T> Page<T> page(CatalogEntryRepository.Found found, CatalogFilter filter, List<T> items) {
        return new Page<>(items, filter.page(), filter.size(), found.total());
    }
}
