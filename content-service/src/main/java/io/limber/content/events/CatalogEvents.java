package io.limber.content.events;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.content.mapping.ContentMapper;
import io.limber.content.model.ProgramRef;
import io.limber.content.repository.CatalogEntry;
import io.limber.content.repository.CatalogEntryRepository;
import io.limber.events.Events;
import io.limber.events.catalog.ExercisePublished;
import io.limber.messaging.Outbox;

/**
 * Writes catalog events to the outbox in the caller's transaction. The compacted topic keeps the
 * latest value per exercise id, so each event carries the exercise's whole current snapshot.
 */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;
    private final CatalogEntryRepository entries;
    private final ContentMapper mapper;

    CatalogEvents(Outbox outbox, CatalogEntryRepository entries, ContentMapper mapper) {
        this.outbox = outbox;
        this.entries = entries;
        this.mapper = mapper;
    }

    /** The exercise's current state: its snapshot when public, a tombstone once retired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void exerciseChanged(CatalogEntry exercise) {
        entries.flush(); // the program lookup below is native SQL and must see this transaction's writes
        ExercisePublished data = exercise.isPublic()
                ? mapper.exercisePublished(
                        exercise,
                        entries.publicProgramsContaining(exercise.id).stream()
                                .map(program -> mapper.eventProgramRef(program, exercise.id))
                                .toList())
                : null;
        String key = exercise.id.toString();
        outbox.append(Events.EXERCISE_PUBLISHED, key, data);
    }

    /** A program's publish or retire changes the {@code programs} of the exercises it holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void programChanged(Collection<UUID> exerciseIds) {
        for (UUID id : exerciseIds) {
            entries.findByIdOptional(id).filter(CatalogEntry::isPublic).ifPresent(this::exerciseChanged);
        }
    }

    public List<ProgramRef> programsOf(UUID exerciseId) {
        return entries.publicProgramsContaining(exerciseId).stream()
                .map(mapper::programRef)
                .toList();
    }
}
