package io.limber.reminder.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.CatalogExercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogExercise, UUID> {

    /**
     * What a prompt may suggest: exercises of desk-break programs, and movement breaks (in a
     * program or not), in a stable order suggestions rotate through.
     */
    public List<CatalogExercise> suggestable() {
        return list("deskBreak = true or kind = ?1", Sort.ascending("slug").and("id"), "movement-break");
    }
}
