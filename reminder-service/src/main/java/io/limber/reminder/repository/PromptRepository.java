package io.limber.reminder.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.limber.reminder.model.Prompt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PromptRepository implements PanacheRepositoryBase<Prompt, UUID> {

    public long countOn(String memberId, LocalDate localDate) {
        return count("memberId = ?1 and localDate = ?2", memberId, localDate);
    }

    /**
     * Prompts per member and local date from {@code since} on, for the listed members; one query.
     * Members and dates without prompts are absent.
     */
    public Map<String, Map<LocalDate, Long>> countsSince(Collection<String> memberIds, LocalDate since) {
        Map<String, Map<LocalDate, Long>> counts = new HashMap<>();
        getEntityManager()
                .createQuery("""
                        SELECT p.memberId, p.localDate, count(p) FROM Prompt p
                        WHERE p.memberId IN :members AND p.localDate >= :since
                        GROUP BY p.memberId, p.localDate""", Object[].class)
                .setParameter("members", memberIds)
                .setParameter("since", since)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], m -> new HashMap<>())
                        .put((LocalDate) row[1], (Long) row[2]));
        return counts;
    }

    public List<Prompt> history(String memberId, int limit) {
        return find("memberId", Sort.descending("sentAt").and("id"), memberId)
                .page(Page.ofSize(limit))
                .list();
    }

    /** Only the member's own prompt: another member's is as good as absent. */
    public Optional<Prompt> findOwn(String memberId, UUID id) {
        return find("id = ?1 and memberId = ?2", id, memberId).firstResultOptional();
    }

    public long deleteMember(String memberId) {
        return delete("memberId", memberId);
    }
}
