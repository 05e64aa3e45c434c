package io.limber.content.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogRevisionRepository implements PanacheRepositoryBase<CatalogRevision, Long> {

    public Optional<CatalogRevision> find(UUID entryId, int revision) {
        return find("entryId = ?1 and revision = ?2", entryId, revision).firstResultOptional();
    }

    public List<CatalogRevision> history(UUID entryId) {
        return list("entryId = ?1 order by revision", entryId);
    }
}
