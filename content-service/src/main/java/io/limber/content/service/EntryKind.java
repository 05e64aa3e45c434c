package io.limber.content.service;

import java.util.UUID;

import io.limber.content.domain.EntryType;
import io.limber.content.repository.CatalogEntry;

/**
 * What differs between exercises and programs as they go through the one review workflow: their
 * content, the checks a publish or retire needs, and the events either emits.
 *
 * @param <C> the content editors write
 */
public interface EntryKind<C> {

    EntryType type();

    Class<C> contentType();

    String slug(C content);

    /** @return the content as it is stored, normalized and checked against the rest of the catalog */
    C checked(C content, UUID id);

    /** Checks the working copy may be published, and brings it up to date for the revision. */
    void readyToPublish(CatalogEntry entry);

    /** Refuses to retire an entry others still depend on. */
    void checkRetirable(CatalogEntry entry);

    /**
     * Writes the events for a publish or retire of the entry.
     *
     * @param previouslyPublished the published document before the change, null if there was none
     */
    void emitChanged(CatalogEntry entry, String previouslyPublished);
}
