package io.limber.content.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.limber.content.domain.EntryType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CatalogEntryRepository implements PanacheRepositoryBase<CatalogEntry, UUID> {

    /** @param key an id or a slug */
    public Optional<CatalogEntry> findByKey(EntryType type, String key) {
        Optional<UUID> id = asUuid(key);
        if (id.isPresent()) {
            return findByIdOptional(id.get()).filter(e -> e.is(type));
        }
        if (key.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no slug holds NUL, and PostgreSQL would fail the query on it
        }
        return find("type = ?1 and slug = ?2", type.code(), key).firstResultOptional();
    }

    /** Locks the row for the rest of the transaction, so concurrent writers queue up behind it. */
    public Optional<CatalogEntry> lock(EntryType type, UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(e -> e.is(type));
    }

    public boolean slugTaken(EntryType type, String slug, UUID except) {
        return count("type = ?1 and slug = ?2 and id <> ?3", type.code(), slug, except) > 0;
    }

    /** Published programs whose current revision contains the exercise. */
    @SuppressWarnings("unchecked")
    public List<CatalogEntry> publicProgramsContaining(UUID exerciseId) {
        return getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM catalog_entry WHERE type = 'program' AND published_doc IS NOT NULL"
                                + " AND retired_at IS NULL"
                                + " AND published_doc -> 'items' @> jsonb_build_array(jsonb_build_object('exerciseId', CAST(?1 AS text)))"
                                + " ORDER BY lower(published_doc ->> 'name'), id",
                        CatalogEntry.class)
                .setParameter(1, exerciseId.toString())
                .getResultList();
    }

    public record Found(List<CatalogEntry> entries, long total) {}

    /** A page of entries in a stable order (name, then id), with the total count. */
    @SuppressWarnings("unchecked")
    public Found search(CatalogFilter filter) {
        String column = filter.state().isPresent() ? "doc" : "published_doc";
        StringBuilder where = new StringBuilder(" FROM catalog_entry WHERE type = :type");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", filter.type().code());
        filter.state()
                .ifPresentOrElse(
                        state -> {
                            where.append(" AND state = :state");
                            params.put("state", state.code());
                        },
                        () -> where.append(" AND published_doc IS NOT NULL AND retired_at IS NULL"));
        filter.kind().ifPresent(kind -> equal(where, params, column, "kind", kind));
        filter.position().ifPresent(position -> equal(where, params, column, "position", position));
        filter.region().ifPresent(region -> contains(where, params, column, "regions", region));
        filter.tag().ifPresent(tag -> contains(where, params, column, "tags", tag));
        filter.equipment().ifPresent(equipment -> contains(where, params, column, "equipment", equipment));
        if (filter.noEquipment()) {
            where.append(" AND jsonb_array_length(COALESCE(" + column + " -> 'equipment', '[]'::jsonb)) = 0");
        }
        filter.text().ifPresent(text -> {
            where.append(" AND (" + column + " ->> 'name' ILIKE :text ESCAPE '\\' OR COALESCE(" + column
                    + " ->> 'summary', " + column + " ->> 'purpose') ILIKE :text ESCAPE '\\')");
            params.put(
                    "text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });

        Query count = getEntityManager().createNativeQuery("SELECT count(*)" + where);
        Query select = getEntityManager()
                .createNativeQuery(
                        "SELECT *" + where + " ORDER BY lower(" + column + " ->> 'name'), id", CatalogEntry.class)
                // page * size overflows an int for a page far past the end: there is nothing there.
                .setFirstResult((int) Math.min((long) filter.page() * filter.size(), Integer.MAX_VALUE))
                .setMaxResults(filter.size());
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<CatalogEntry> entries = total == 0 ? List.of() : new ArrayList<>(select.getResultList());
        return new Found(entries, total);
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String field, String v) {
        where.append(" AND ")
                .append(column)
                .append(" ->> '")
                .append(field)
                .append("' = :")
                .append(field);
        params.put(field, v);
    }

    private static void contains(
            StringBuilder where, Map<String, Object> params, String column, String field, String v) {
        where.append(" AND ")
                .append(column)
                .append(" -> '")
                .append(field)
                .append("' @> jsonb_build_array(CAST(:")
                .append(field)
                .append(" AS text))");
        params.put(field, v);
    }

    private static Optional<UUID> asUuid(String key) {
        try {
            return key.length() == 36 ? Optional.of(UUID.fromString(key)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
