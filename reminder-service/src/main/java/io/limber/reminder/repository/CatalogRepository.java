package io.limber.reminder.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.CatalogExercise;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogExercise, UUID> {

    /** Exercises of desk-break programs, in a stable order suggestions rotate through. */
    public List<CatalogExercise> deskBreaks() {
        return list("deskBreak", Sort.ascending("slug").and("id"), true);
    }
}
