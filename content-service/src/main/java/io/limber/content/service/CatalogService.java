package io.limber.content.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.limber.content.domain.EntryType;
import io.limber.content.domain.WorkflowState;
import io.limber.content.events.CatalogEvents;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ProgramContent;
import io.limber.content.model.ProgramItem;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;
import io.limber.content.repository.CatalogRevision;
import io.limber.content.repository.CatalogRevisionRepository;
import io.limber.web.CommonProblem;

/**
 * Writes to the catalog: editing working copies and moving them through the review workflow
 * (draft, in review, approved, published, retired). Every publish freezes a new revision and
 * writes its events in the same transaction.
 */
@ApplicationScoped
public class CatalogService {

    private final CatalogEntryRepository entries;
    private final CatalogRevisionRepository revisions;
    private final ContentRules rules;
    private final ContentMapper mapper;
    private final CatalogEvents events;
    private final Validator validator;
    private final Event<PublishedCache.CatalogChanged> changed;

    CatalogService(
            CatalogEntryRepository entries,
            CatalogRevisionRepository revisions,
            ContentRules rules,
            ContentMapper mapper,
            CatalogEvents events,
            Validator validator,
            Event<PublishedCache.CatalogChanged> changed) {
        this.entries = entries;
        this.revisions = revisions;
        this.rules = rules;
        this.mapper = mapper;
        this.events = events;
        this.validator = validator;
        this.changed = changed;
    }

    @Transactional
    public CatalogEntry create(EntryType type, Object content, String actor) {
        return create(type, UUID.randomUUID(), content, actor);
    }

    CatalogEntry create(EntryType type, UUID id, Object content, String actor) {
        Object checked = rules.check(content, id);
        String slug = slugOf(checked);
        if (entries.slugTaken(type, slug, id)) {
            throw slugTaken(type, slug);
        }
        Instant now = Instant.now();
        CatalogEntry entry = new CatalogEntry();
        entry.id = id;
        entry.type = type.code();
        entry.slug = slug;
        entry.moveTo(WorkflowState.DRAFT);
        entry.doc = mapper.write(checked);
        entry.version = 1;
        entry.createdBy = actor;
        entry.changeAuthors = mapper.write(List.of(actor));
        entry.createdAt = now;
        entry.updatedAt = now;
        entries.persist(entry);
        flushSlug(type, slug);
        return entry;
    }

    @Transactional
    public CatalogEntry replace(EntryType type, UUID id, Object content, String ifMatch, String actor) {
        CatalogEntry entry = lockForEdit(type, id, ifMatch);
        return edit(type, entry, content, actor);
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the working copy, then validates the result whole. */
    @Transactional
    public CatalogEntry patch(EntryType type, UUID id, JsonNode patch, String ifMatch, String actor)
            throws IOException {
        if (patch == null || !patch.isObject()) {
            throw CommonProblem.BAD_REQUEST.problem("A merge patch must be a JSON object");
        }
        CatalogEntry entry = lockForEdit(type, id, ifMatch);
        JsonNode merged = MergePatch.apply(mapper.tree(entry.doc), (ObjectNode) patch);
        Object content = mapper.convert(merged, mapper.contentType(type));
        Set<ConstraintViolation<Object>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return edit(type, entry, content, actor);
    }

    private CatalogEntry edit(EntryType type, CatalogEntry entry, Object content, String actor) {
        WorkflowState state = entry.workflowState();
        if (state == WorkflowState.IN_REVIEW || state == WorkflowState.APPROVED) {
            throw CommonProblem.CONFLICT.problem("This " + type.code() + " is " + state.code()
                    + "; a reviewer must send it back before it can be edited");
        }
        Object checked = rules.check(content, entry.id);
        String slug = slugOf(checked);
        if (!slug.equals(entry.slug)) {
            if (entry.publishedRevision != null) {
                throw FieldError.problem(
                        ContentProblem.SLUG_STABLE,
                        "body",
                        List.of(new FieldError("slug", "cannot change once published; it is stable")));
            }
            if (entries.slugTaken(type, slug, entry.id)) {
                throw slugTaken(type, slug);
            }
        }
        entry.slug = slug;
        entry.doc = mapper.write(checked);
        entry.moveTo(WorkflowState.DRAFT);
        entry.submittedBy = null;
        entry.approvedBy = null;
        List<String> authors = new ArrayList<>(mapper.strings(entry.changeAuthors));
        if (!authors.contains(actor)) {
            authors.add(actor);
        }
        entry.changeAuthors = mapper.write(authors);
        touched(entry);
        flushSlug(type, slug);
        return entry;
    }

    /** Two writers racing for one slug both pass the check above; the unique constraint decides. */
    private void flushSlug(EntryType type, String slug) {
        try {
            entries.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if ("catalog_entry_slug_unique".equals(e.getConstraintName())) {
                throw slugTaken(type, slug);
            }
            throw e;
        }
    }

    @Transactional
    public CatalogEntry submit(EntryType type, UUID id, String ifMatch, String actor) {
        CatalogEntry entry = lock(type, id, ifMatch, false);
        requireState(type, entry, WorkflowState.DRAFT, "submit");
        entry.moveTo(WorkflowState.IN_REVIEW);
        entry.submittedBy = actor;
        entry.reviewComment = null;
        return touched(entry);
    }

    @Transactional
    public CatalogEntry approve(EntryType type, UUID id, String ifMatch, String actor) {
        CatalogEntry entry = lock(type, id, ifMatch, false);
        requireState(type, entry, WorkflowState.IN_REVIEW, "approve");
        if (actor.equals(entry.submittedBy)
                || mapper.strings(entry.changeAuthors).contains(actor)) {
            throw CommonProblem.FORBIDDEN.problem(
                    "You wrote or submitted this change, so you may not approve it; another reviewer must");
        }
        entry.moveTo(WorkflowState.APPROVED);
        entry.approvedBy = actor;
        return touched(entry);
    }

    @Transactional
    public CatalogEntry sendBack(EntryType type, UUID id, String comment, String ifMatch, String actor) {
        CatalogEntry entry = lock(type, id, ifMatch, false);
        WorkflowState state = entry.workflowState();
        if (state != WorkflowState.IN_REVIEW && state != WorkflowState.APPROVED) {
            throw CommonProblem.CONFLICT.problem(
                    "Only a " + type.code() + " in review or approved can be sent back; this one is " + state.code());
        }
        entry.moveTo(WorkflowState.DRAFT);
        entry.reviewComment = comment;
        entry.approvedBy = null;
        return touched(entry);
    }

    @Transactional
    public CatalogEntry publish(EntryType type, UUID id, String ifMatch, String actor) {
        CatalogEntry entry = lock(type, id, ifMatch, false);
        requireState(type, entry, WorkflowState.APPROVED, "publish");
        return publishNow(type, entry, actor, true);
    }

    CatalogEntry publishNow(EntryType type, CatalogEntry entry, String actor, boolean emit) {
        Set<UUID> affected = new LinkedHashSet<>(exercisesOf(type, entry.publishedDoc));
        if (type == EntryType.PROGRAM) {
            entry.doc = mapper.write(rules.readyToPublish(mapper.read(entry.doc, ProgramContent.class)));
        }
        Instant now = Instant.now();
        CatalogRevision revision = new CatalogRevision();
        revision.entryId = entry.id;
        revision.revision = entry.publishedRevision == null ? 1 : entry.publishedRevision + 1;
        revision.doc = entry.doc;
        revision.publishedAt = now;
        revision.publishedBy = actor;
        revision.approvedBy = entry.approvedBy;
        revisions.persist(revision);

        entry.publishedRevision = revision.revision;
        entry.publishedDoc = entry.doc;
        entry.publishedAt = now;
        entry.retiredAt = null;
        entry.moveTo(WorkflowState.PUBLISHED);
        entry.changeAuthors = mapper.write(List.of());
        entry.reviewComment = null;
        touched(entry);
        changed.fire(new PublishedCache.CatalogChanged(entry.type, entry.id));
        if (emit) {
            emitFor(type, entry, affected);
        }
        return entry;
    }

    @Transactional
    public CatalogEntry retire(EntryType type, UUID id, String ifMatch, String actor) {
        CatalogEntry entry = lock(type, id, ifMatch, false);
        if (!entry.isPublic()) {
            throw CommonProblem.CONFLICT.problem("Only a published " + type.code() + " can be retired; this one is "
                    + (entry.retiredAt != null ? "already retired" : "not published yet"));
        }
        if (type == EntryType.EXERCISE) {
            List<String> programs = entries.publicProgramsContaining(entry.id).stream()
                    .map(p -> p.slug)
                    .toList();
            if (!programs.isEmpty()) {
                // Members following those programs would be left with a step that no longer exists.
                throw ContentProblem.IN_PUBLISHED_PROGRAMS.problem("This exercise is in published programs " + programs
                        + "; publish them without it, or retire them, first");
            }
        }
        entry.retiredAt = Instant.now();
        entry.moveTo(WorkflowState.RETIRED);
        touched(entry);
        changed.fire(new PublishedCache.CatalogChanged(entry.type, entry.id));
        emitFor(type, entry, new LinkedHashSet<>(exercisesOf(type, entry.publishedDoc)));
        return entry;
    }

    private void emitFor(EntryType type, CatalogEntry entry, Set<UUID> affected) {
        if (type == EntryType.EXERCISE) {
            events.exerciseChanged(entry);
        } else {
            affected.addAll(exercisesOf(type, entry.publishedDoc));
            events.programChanged(affected);
        }
    }

    private List<UUID> exercisesOf(EntryType type, String publishedDoc) {
        if (type != EntryType.PROGRAM || publishedDoc == null) {
            return List.of();
        }
        return mapper.read(publishedDoc, ProgramContent.class).items().stream()
                .map(ProgramItem::exerciseId)
                .toList();
    }

    private CatalogEntry lockForEdit(EntryType type, UUID id, String ifMatch) {
        return lock(type, id, ifMatch, true);
    }

    private CatalogEntry lock(EntryType type, UUID id, String ifMatch, boolean ifMatchRequired) {
        CatalogEntry entry = entries.lock(type, id)
                .orElseThrow(() -> CommonProblem.NOT_FOUND.problem("No " + type.code() + " has id " + id));
        if (ifMatch == null || ifMatch.isBlank()) {
            if (ifMatchRequired) {
                throw CommonProblem.PRECONDITION_REQUIRED.problem(
                        "Send If-Match with the ETag of the working copy you edited (GET .../draft)");
            }
            return entry;
        }
        if (!EntityTags.matches(ifMatch, EntityTags.ofVersion(entry.version))) {
            throw CommonProblem.PRECONDITION_FAILED.problem("The " + type.code()
                    + " changed since you read it (it is now at version " + entry.version + "); read it again");
        }
        return entry;
    }

    private static void requireState(EntryType type, CatalogEntry entry, WorkflowState expected, String action) {
        WorkflowState state = entry.workflowState();
        if (state != expected) {
            throw CommonProblem.CONFLICT.problem("Cannot " + action + " a " + type.code() + " that is " + state.code()
                    + "; it must be " + expected.code());
        }
    }

    private static CatalogEntry touched(CatalogEntry entry) {
        entry.version++;
        entry.updatedAt = Instant.now();
        return entry;
    }

    private static String slugOf(Object content) {
        return content instanceof ExerciseContent e ? e.slug() : ((ProgramContent) content).slug();
    }

    private static RuntimeException slugTaken(EntryType type, String slug) {
        return FieldError.problem(
                ContentProblem.SLUG_TAKEN,
                "body",
                List.of(new FieldError("slug", "'" + slug + "' is taken by another " + type.code())));
    }
}
