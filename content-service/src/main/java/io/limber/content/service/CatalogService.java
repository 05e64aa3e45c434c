package io.limber.content.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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
import io.limber.content.domain.WorkflowState.Transition;
import io.limber.content.mapping.ContentMapper;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;
import io.limber.content.repository.CatalogRevision;
import io.limber.content.repository.CatalogRevisionRepository;
import io.limber.web.CommonProblem;

/**
 * Writes to the catalog: editing working copies and moving them through the review workflow
 * (draft, in review, approved, published, retired). Every publish freezes a new revision and
 * writes its events in the same transaction. What differs between exercises and programs is their
 * {@link EntryKind}'s; which moves are legal is {@link Transition}'s.
 */
@ApplicationScoped
public class CatalogService {

    private final CatalogEntryRepository entries;
    private final CatalogRevisionRepository revisions;
    private final ContentMapper mapper;
    private final Validator validator;
    private final Event<PublishedCache.CatalogChanged> changed;

    CatalogService(
            CatalogEntryRepository entries,
            CatalogRevisionRepository revisions,
            ContentMapper mapper,
            Validator validator,
            Event<PublishedCache.CatalogChanged> changed) {
        this.entries = entries;
        this.revisions = revisions;
        this.mapper = mapper;
        this.validator = validator;
        this.changed = changed;
    }

    @Transactional
    public <C> CatalogEntry create(EntryKind<C> kind, C content, String actor) {
        return create(kind, UUID.randomUUID(), content, actor);
    }

    <C> CatalogEntry create(EntryKind<C> kind, UUID id, C content, String actor) {
        EntryType type = kind.type();
        C checked = kind.checked(content, id);
        String slug = kind.slug(checked);
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
    public <C> CatalogEntry replace(EntryKind<C> kind, UUID id, C content, String ifMatch, String actor) {
        CatalogEntry entry = lockForEdit(kind.type(), id, ifMatch);
        return edit(kind, entry, content, actor);
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the working copy, then validates the result whole. */
    @Transactional
    public <C> CatalogEntry patch(EntryKind<C> kind, UUID id, JsonNode patch, String ifMatch, String actor)
            throws IOException {
        if (patch == null || !patch.isObject()) {
            throw CommonProblem.BAD_REQUEST.problem("A merge patch must be a JSON object");
        }
        CatalogEntry entry = lockForEdit(kind.type(), id, ifMatch);
        JsonNode merged = MergePatch.apply(mapper.tree(entry.doc), (ObjectNode) patch);
        C content = mapper.convert(merged, kind.contentType());
        Set<ConstraintViolation<C>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return edit(kind, entry, content, actor);
    }

    private <C> CatalogEntry edit(EntryKind<C> kind, CatalogEntry entry, C content, String actor) {
        EntryType type = kind.type();
        WorkflowState state = entry.workflowState();
        if (!Transition.EDIT.allowedFrom(state)) {
            throw CommonProblem.CONFLICT.problem("This " + type.code() + " is " + state.code()
                    + "; a reviewer must send it back before it can be edited");
        }
        C checked = kind.checked(content, entry.id);
        String slug = kind.slug(checked);
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
        entry.moveTo(Transition.EDIT.target());
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
    public CatalogEntry submit(EntryKind<?> kind, UUID id, String ifMatch, String actor) {
        EntryType type = kind.type();
        CatalogEntry entry = lock(type, id, ifMatch, false);
        entry.moveTo(requireState(type, entry, Transition.SUBMIT));
        entry.submittedBy = actor;
        entry.reviewComment = null;
        return touched(entry);
    }

    @Transactional
    public CatalogEntry approve(EntryKind<?> kind, UUID id, String ifMatch, String actor) {
        EntryType type = kind.type();
        CatalogEntry entry = lock(type, id, ifMatch, false);
        requireState(type, entry, Transition.APPROVE);
        if (actor.equals(entry.submittedBy)
                || mapper.strings(entry.changeAuthors).contains(actor)) {
            throw CommonProblem.FORBIDDEN.problem(
                    "You wrote or submitted this change, so you may not approve it; another reviewer must");
        }
        entry.moveTo(Transition.APPROVE.target());
        entry.approvedBy = actor;
        return touched(entry);
    }

    @Transactional
    public CatalogEntry sendBack(EntryKind<?> kind, UUID id, String comment, String ifMatch, String actor) {
        EntryType type = kind.type();
        CatalogEntry entry = lock(type, id, ifMatch, false);
        WorkflowState state = entry.workflowState();
        if (!Transition.SEND_BACK.allowedFrom(state)) {
            throw CommonProblem.CONFLICT.problem(
                    "Only a " + type.code() + " in review or approved can be sent back; this one is " + state.code());
        }
        entry.moveTo(Transition.SEND_BACK.target());
        entry.reviewComment = comment;
        entry.approvedBy = null;
        return touched(entry);
    }

    @Transactional
    public CatalogEntry publish(EntryKind<?> kind, UUID id, String ifMatch, String actor) {
        CatalogEntry entry = lock(kind.type(), id, ifMatch, false);
        requireState(kind.type(), entry, Transition.PUBLISH);
        return publishNow(kind, entry, actor, true);
    }

    /** Also the seed's way in, which publishes its drafts without a review. */
    CatalogEntry publishNow(EntryKind<?> kind, CatalogEntry entry, String actor, boolean emit) {
        String previouslyPublished = entry.publishedDoc;
        kind.readyToPublish(entry);
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
        entry.moveTo(Transition.PUBLISH.target());
        entry.changeAuthors = mapper.write(List.of());
        entry.reviewComment = null;
        touched(entry);
        changed.fire(new PublishedCache.CatalogChanged(entry.type, entry.id));
        if (emit) {
            kind.emitChanged(entry, previouslyPublished);
        }
        return entry;
    }

    @Transactional
    public CatalogEntry retire(EntryKind<?> kind, UUID id, String ifMatch, String actor) {
        EntryType type = kind.type();
        CatalogEntry entry = lock(type, id, ifMatch, false);
        if (!entry.isPublic() || !Transition.RETIRE.allowedFrom(entry.workflowState())) {
            throw CommonProblem.CONFLICT.problem("Only a published " + type.code() + " can be retired; this one is "
                    + (entry.retiredAt != null ? "already retired" : "not published yet"));
        }
        kind.checkRetirable(entry);
        entry.retiredAt = Instant.now();
        entry.moveTo(Transition.RETIRE.target());
        touched(entry);
        changed.fire(new PublishedCache.CatalogChanged(entry.type, entry.id));
        kind.emitChanged(entry, entry.publishedDoc);
        return entry;
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

    /** @return the state the transition leads to */
    private static WorkflowState requireState(EntryType type, CatalogEntry entry, Transition transition) {
        WorkflowState state = entry.workflowState();
        if (!transition.allowedFrom(state)) {
            throw CommonProblem.CONFLICT.problem(
                    "Cannot " + transition.action() + " a " + type.code() + " that is " + state.code() + "; it must be "
                            + transition.requiredState().code());
        }
        return transition.target();
    }

    private static CatalogEntry touched(CatalogEntry entry) {
        entry.version++;
        entry.updatedAt = Instant.now();
        return entry;
    }

    private static RuntimeException slugTaken(EntryType type, String slug) {
        return FieldError.problem(
                ContentProblem.SLUG_TAKEN,
                "body",
                List.of(new FieldError("slug", "'" + slug + "' is taken by another " + type.code())));
    }
}
