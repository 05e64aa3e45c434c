package io.limber.reminder.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.limber.reminder.domain.Preferences;
import io.limber.reminder.model.StoredPreferences;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PreferencesRepository implements PanacheRepositoryBase<StoredPreferences, String> {

    private final ObjectMapper mapper;

    PreferencesRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the member's own preferences, empty when they never set any */
    public Optional<Preferences> findSaved(String memberId) {
        return findByIdOptional(memberId).map(row -> read(row.settings));
    }

    /** The member's preferences; switched off for a member who never saved any (never opted in). */
    public Preferences findOrNotEnrolled(String memberId) {
        return findSaved(memberId).orElseGet(PreferencesRepository::notEnrolled);
    }

    /** Every listed member's preferences, switched off for those who never saved any; one query. */
    public Map<String, Preferences> findOrNotEnrolled(Collection<String> memberIds) {
        Map<String, Preferences> found = new HashMap<>();
        list("memberId in ?1", memberIds).forEach(row -> found.put(row.memberId, read(row.settings)));
        memberIds.forEach(id -> found.computeIfAbsent(id, missing -> notEnrolled()));
        return found;
    }

    private static Preferences notEnrolled() {
        return Preferences.notEnrolled("UTC");
    }

    /** One upsert: two first saves at once (a double-tapped button) must not collide on the key. */
    public void save(String memberId, Preferences prefs, Instant now) {
        getEntityManager()
                .createNativeQuery("""
                        INSERT INTO reminder_preferences (member_id, settings, updated_at)
                        VALUES (?1, CAST(?2 AS jsonb), ?3)
                        ON CONFLICT (member_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at""")
                .setParameter(1, memberId)
                .setParameter(2, write(prefs))
                .setParameter(3, now)
                .executeUpdate();
    }

    private Preferences read(String json) {
        try {
            return mapper.readValue(json, Preferences.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored preferences cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Preferences prefs) {
        try {
            return mapper.writeValueAsString(prefs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Preferences cannot be written as JSON", e);
        }
    }
}
