package io.limber.content.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.content.domain.Coded;
import io.limber.content.domain.EntryType;
import io.limber.content.model.DraftView;
import io.limber.content.model.ExerciseContent;
import io.limber.content.model.ExerciseView;
import io.limber.content.model.ProgramContent;
import io.limber.content.model.ProgramRef;
import io.limber.content.model.ProgramView;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogRevision;
import io.limber.events.catalog.ExercisePublished;

/** Between the JSON documents stored for an entry, the API views and the event payload. */
@ApplicationScoped
public class ContentMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final ObjectMapper json;

    ContentMapper(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored document does not match " + type.getSimpleName(), e);
        }
    }

    public JsonNode tree(String document) {
        try {
            return json.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws Jackson's own exceptions, so a bad patch is reported like a bad request body. */
    public <T> T convert(JsonNode node, Class<T> type) throws IOException {
        return json.treeToValue(node, type);
    }

    public List<String> strings(String document) {
        try {
            return json.readValue(document, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Class<?> contentType(EntryType type) {
        return type == EntryType.EXERCISE ? ExerciseContent.class : ProgramContent.class;
    }

    public ExerciseView exerciseView(CatalogEntry entry, List<ProgramRef> programs) {
        return exerciseView(
                entry, read(entry.publishedDoc, ExerciseContent.class).in(null), programs);
    }

    /** @param content the published content, already in the reader's language */
    public ExerciseView exerciseView(CatalogEntry entry, ExerciseContent content, List<ProgramRef> programs) {
        return new ExerciseView(
                entry.id, entry.publishedRevision, entry.retiredAt != null, entry.publishedAt, content, programs);
    }

    public ExerciseView exerciseView(CatalogEntry entry, CatalogRevision revision, ExerciseContent content) {
        return new ExerciseView(
                entry.id, revision.revision, entry.retiredAt != null, revision.publishedAt, content, null);
    }

    public ProgramView programView(CatalogEntry entry) {
        return new ProgramView(
                entry.id,
                entry.publishedRevision,
                entry.retiredAt != null,
                entry.publishedAt,
                read(entry.publishedDoc, ProgramContent.class));
    }

    public ProgramView programView(CatalogEntry entry, CatalogRevision revision) {
        return new ProgramView(
                entry.id,
                revision.revision,
                entry.retiredAt != null,
                revision.publishedAt,
                read(revision.doc, ProgramContent.class));
    }

    public ProgramRef programRef(CatalogEntry program) {
        ProgramContent content = read(program.publishedDoc, ProgramContent.class);
        return new ProgramRef(program.id, content.slug(), content.name(), content.tags());
    }

    public DraftView draftView(CatalogEntry entry) {
        return new DraftView(
                entry.id,
                entry.type,
                entry.slug,
                entry.workflowState(),
                entry.version,
                entry.publishedRevision,
                entry.retiredAt != null,
                entry.reviewComment,
                entry.createdBy,
                strings(entry.changeAuthors),
                entry.submittedBy,
                entry.approvedBy,
                entry.updatedAt,
                read(entry.doc, contentType(EntryType.valueOf(entry.type.toUpperCase()))));
    }

    /**
     * A program holding the exercise, as the exercise's event names it: with the dose the program's
     * item gives it (the smallest, should the program hold the exercise twice).
     */
    public ExercisePublished.ProgramRef eventProgramRef(CatalogEntry program, UUID exerciseId) {
        ProgramContent content = read(program.publishedDoc, ProgramContent.class);
        ExercisePublished.Dosage dose = content.items().stream()
                .filter(item -> exerciseId.equals(item.exerciseId()))
                .map(item -> dosage(item.dosage()))
                .min(Comparator.comparingLong(ExercisePublished.Dosage::volume))
                .orElse(null);
        return new ExercisePublished.ProgramRef(program.id, content.slug(), content.name(), content.tags(), dose);
    }

    /** The event payload: the exercise's current published revision and the programs holding it. */
    public ExercisePublished exercisePublished(CatalogEntry entry, List<ExercisePublished.ProgramRef> programs) {
        ExerciseContent c = read(entry.publishedDoc, ExerciseContent.class);
        return new ExercisePublished(
                entry.id,
                c.slug(),
                entry.publishedRevision,
                c.name(),
                c.kind().code(),
                c.summary(),
                codes(c.regions()),
                c.muscles(),
                codes(c.equipment()),
                c.position().code(),
                c.laterality().code(),
                c.startPosition(),
                c.steps(),
                c.mayFeel(),
                c.safetyNotes(),
                dosage(c.defaultDosage()),
                new ExercisePublished.DosageBounds(
                        dosage(c.dosageBounds().min()), dosage(c.dosageBounds().max())),
                c.tags(),
                programs,
                c.disclaimer(),
                entry.publishedAt);
    }

    private static ExercisePublished.Dosage dosage(io.limber.content.model.Dosage d) {
        return new ExercisePublished.Dosage(d.sets(), d.reps(), d.holdSeconds());
    }

    private static List<String> codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toList();
    }
}
