package io.limber.reminder.repository;

import java.time.LocalDate;
import java.util.List;
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
